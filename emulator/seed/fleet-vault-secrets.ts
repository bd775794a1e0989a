import { randomBytes } from 'node:crypto';
import type { SecretRecord, SecretVersion } from '../keyvault/store';
import type { FleetConnection, FleetPlan } from './partner-fleet';

// As lib/vault writes them (refresh-token-store.ts, connection-tags.ts): the secret is named by
// tenant id, with this content type and these tags.
const CONTENT_TYPE = 'application/vnd.partner-portal.refresh-token';
// Partner Center's scope, then the Graph scope the connect reads GDAP with (read-graph-permission.ts).
const SCOPES = 'user_impersonation DelegatedAdminRelationship.Read.All';

/**
 * The fleet's Key Vault secrets, exactly as the portal's writes leave them: the connect writes
 * version 1 with status `ok`; a rotation writes a new version with fresh rotation tags; a failed
 * check patches the latest version's tags (status, lastErrorCode, lastErrorAt).
 */
export function fleetSecrets(plan: FleetPlan): Record<string, SecretRecord> {
  const out: Record<string, SecretRecord> = {};
  for (const c of plan.connections) {
    const name = c.tenantId.toLowerCase();
    const versions: SecretVersion[] = [
      version(c.connectToken, tagsAt(c, c.connectedAt), c.connectedAt),
    ];
    if (c.rotatedToken) versions.push(version(c.rotatedToken, tagsAt(c, c.rotatedAt), c.rotatedAt));
    const latest = versions[versions.length - 1]!;
    if (c.lastError) {
      const { orgName, ...rest } = latest.tags!;
      // In lib/vault's tag order, so the JSON reads as the portal's own write would.
      latest.tags = {
        ...rest,
        status: c.lastError.status,
        lastErrorCode: c.lastError.code,
        lastErrorAt: iso(c.lastError.at),
        orgName: orgName!,
      };
      latest.updated = seconds(c.lastError.at);
    }
    out[name] = { name, versions };
  }
  return out;
}

function tagsAt(c: FleetConnection, at: number): Record<string, string> {
  return {
    connectedByOid: c.admin.oid,
    connectedByUpn: c.admin.upn,
    connectedAt: iso(c.connectedAt),
    amr: 'pwd mfa',
    scopes: SCOPES,
    rotatedAt: iso(at),
    lastRedeemedAt: iso(at),
    status: 'ok',
    orgName: c.orgName,
  };
}

function version(value: string, tags: Record<string, string>, at: number): SecretVersion {
  return {
    version: randomBytes(16).toString('hex'),
    value,
    contentType: CONTENT_TYPE,
    tags,
    enabled: true,
    created: seconds(at),
    updated: seconds(at),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const seconds = (ms: number) => Math.floor(ms / 1000);
