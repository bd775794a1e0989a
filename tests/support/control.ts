import type { FaultSpec } from '../../emulator/core/faults';
import { loadManifest, type Manifest } from './manifest';

/** Client for a local cloud's test-only control API at `baseUrl()`. */
function controlClient(baseUrl: () => string) {
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`control ${method} ${path} → ${res.status} ${await res.text()}`);
    return res.json();
  }

  return {
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
    setVaultRole: (
      principalId: string,
      role: 'Key Vault Secrets Officer' | 'Key Vault Secrets User',
    ) => call('PUT', `/keyvault/role-assignments/${encodeURIComponent(principalId)}`, { role }),
  };
}

export type Control = ReturnType<typeof controlClient>;

/** The control API of the local cloud `manifest` describes (e.g. a test file's private cloud). */
export function controlFor(manifest: Manifest): Control {
  return controlClient(() => manifest.control.url);
}

/** The control API of the run's shared local cloud (EMULATOR_MANIFEST, read when a call is made). */
export const control: Control = controlClient(() => loadManifest().control.url);
