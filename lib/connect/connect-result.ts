import 'server-only';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { resultCookie, type CookieSpec } from './connect-cookies';
import { seal, unseal } from './seal';

const PURPOSE = 'result';

/** What the success page shows. No token; it travels in a sealed cookie, never in the URL. */
export interface ConnectResult {
  tenantId: TenantId;
  orgName: string;
  connectedByOid: string;
  connectedByUpn: string;
  connectedByName?: string;
  connectedAt: string;
}

export async function sealConnectResult(result: ConnectResult): Promise<CookieSpec> {
  return resultCookie(await seal(PURPOSE, { ...result }, 10 * 60));
}

/** The result of this browser's last connection, or null (absent, tampered or over 10 minutes old). */
export async function readConnectResult(sealed: string | undefined): Promise<ConnectResult | null> {
  const p = await unseal(PURPOSE, sealed);
  const tenantId = parseTenantId(p?.tenantId);
  if (!p || !tenantId || typeof p.orgName !== 'string') return null;
  return {
    tenantId,
    orgName: p.orgName,
    connectedByOid: String(p.connectedByOid ?? ''),
    connectedByUpn: String(p.connectedByUpn ?? ''),
    connectedByName: typeof p.connectedByName === 'string' ? p.connectedByName : undefined,
    connectedAt: String(p.connectedAt ?? ''),
  };
}
