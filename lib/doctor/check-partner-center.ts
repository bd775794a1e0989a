import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { adviceForCode } from '@/lib/entra/aadsts-advice';
import { isEntraError } from '@/lib/entra/entra-error';
import { createPartnerCenterClient, isPartnerCenterError } from '@/lib/partner-center';
import { getTokenBroker, isConnectionError } from '@/lib/tokens';
import { isVaultError } from '@/lib/vault';
import { fail, ok, type CheckResult } from './check-result';
import { describeError } from './describe-error';

/**
 * Whether Partner Center answers for a connection, the way the dashboard asks it: the token
 * broker turns the stored refresh token into an access token (writing the rotated one back when
 * due, as any use does), then the organization profile is fetched.
 */
export async function checkPartnerCenter(tenantId: TenantId): Promise<CheckResult> {
  const name = `partner-center:${tenantId}`;
  const broker = getTokenBroker();
  try {
    const profile = await createPartnerCenterClient(() =>
      broker.getAccessToken(tenantId),
    ).getOrganizationProfile();
    return ok(name, `Partner Center answers for ${profile.companyName || tenantId}`);
  } catch (e) {
    return fail(name, ...explain(e));
  }
}

function explain(e: unknown): [detail: string, fix: string] {
  if (isConnectionError(e)) {
    if (!e.advice)
      return [
        `${e.code}: ${e.message}`,
        'a partner admin connects the tenant from the Connections page',
      ];
    return [`${e.advice.code}: ${e.advice.title} (${e.code})`, e.advice.fix];
  }
  if (isEntraError(e)) return [`${e.advice.code}: ${e.advice.title}`, e.advice.fix];
  if (isPartnerCenterError(e)) {
    const advice = adviceForCode(e.code);
    const status = e.upstreamStatus ? ` (HTTP ${e.upstreamStatus})` : '';
    return [`${e.code}${status}: ${e.message}`, advice.fix];
  }
  if (isVaultError(e)) return [`${e.code}: ${e.message}`, 'fix key-vault first'];
  return [
    describeError(e),
    'run the doctor again; if it repeats, check PARTNER_CENTER_URL and PARTNER_CENTER_RESOURCE',
  ];
}
