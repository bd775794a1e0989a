import type { FaultSpec } from '../../emulator/core/faults';
import { loadManifest } from './manifest';

/** Client for the emulator's test-only control API. */
async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const base = loadManifest().control.url;
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${method} ${path} → ${res.status} ${await res.text()}`);
  return res.json();
}

export const control = {
  reset: () => call('POST', '/reset'),
  advanceClock: (by: { days?: number; seconds?: number }) => call('POST', '/clock/advance', by),
  resetClock: () => call('POST', '/clock/reset'),
  addFault: (spec: FaultSpec) => call('POST', '/faults', spec),
  clearFaults: () => call('DELETE', '/faults'),
  /** Request counts keyed `<service> <METHOD> <route> <status>[ grant_type=…]`. */
  stats: async () => ((await call('GET', '/stats')) as { counts: Record<string, number> }).counts,
  resetStats: () => call('DELETE', '/stats'),
  /** Revokes every refresh token of the user (as "revoke sessions" in Entra does). */
  revokeUser: (upn: string) => call('POST', `/entra/users/${encodeURIComponent(upn)}/revoke`),
  setMfa: (upn: string, mfa: 'none' | 'totp' | 'approve') =>
    call('POST', `/entra/users/${encodeURIComponent(upn)}/mfa`, { mfa }),
  /** Removes every Key Vault role assignment of a principal (object id). */
  removeVaultRole: (principalId: string) =>
    call('DELETE', `/keyvault/role-assignments/${encodeURIComponent(principalId)}`),
  setVaultRole: (principalId: string, role: 'Key Vault Secrets Officer' | 'Key Vault Secrets User') =>
    call('PUT', `/keyvault/role-assignments/${encodeURIComponent(principalId)}`, { role }),
};
