import 'server-only';
import { recordConnectActivity, type VerifiedActor } from '@/lib/activity/connect-activity';
import { isPartnerAdminClaims } from '@/lib/auth/roles';
import { getConfig } from '@/lib/config';
import { parseTenantId } from '@/lib/ids/tenant-id';
import { connectRedeemScopes } from '@/lib/entra/partner-center-scopes';
import { isEntraError } from '@/lib/entra/entra-error';
import { redeemAuthCode } from '@/lib/entra/redeem-auth-code';
import { log } from '@/lib/log';
import { getTokenBroker } from '@/lib/tokens';
import { getRefreshTokenStore, isVaultError } from '@/lib/vault';
import { ConnectFailure, isConnectFailure } from './connect-failure';
import { getConsumedStates, getTenantStates } from '@/lib/fleet';
import type { ConsumedStates } from './consumed-states';
import { failureFromAuthorizeError } from './read-authorize-error';
import { failureFromEntraError } from './failure-from-entra-error';
import { provePartnerTenant } from './prove-partner-tenant';
import { readGraphPermission } from './read-graph-permission';
import { connectRedirectUri } from './start-connect';
import { validateConnectState } from './validate-connect-state';
import type { ConnectResult } from './connect-result';

export interface CallbackInput {
  query: URLSearchParams;
  stateCookie: string | undefined;
  consumed?: ConsumedStates;
  now?: number;
}

/**
 * The connect callback, in the order that guarantees nothing partial is stored: state, code
 * redemption, refresh token from MSAL's cache, `mfa` in the Partner Center token's `amr`, the
 * partner profile, a partner admin signed in (Global Administrator or Portal.Admin), the allow-list, and only then the Key Vault write. Every failure is a
 * ConnectFailure with a stable code and one structured log line without secrets.
 */
export async function handleConnectCallback(input: CallbackInput): Promise<ConnectResult> {
  // Filled in once Entra has redeemed the code: the activity row's actor from then on.
  const seen: { actor?: VerifiedActor } = {};
  try {
    const { kind, ...result } = await runCallback(input, seen);
    await recordConnectActivity({ kind, actor: seen.actor });
    log.info(
      {
        event: 'connect_succeeded',
        tenantId: result.tenantId,
        connectedByOid: result.connectedByOid,
      },
      'partner tenant connected',
    );
    return result;
  } catch (e) {
    const failure = toConnectFailure(e);
    log.warn(
      {
        event: 'connect_failed',
        errorCode: failure.code,
        stage: failure.stage,
        ...failure.details,
        cause: failure.cause,
      },
      'connect failed',
    );
    await recordConnectActivity({ kind: 'connect', actor: seen.actor, failure });
    throw failure;
  }
}

async function runCallback(
  { query, stateCookie, consumed = getConsumedStates(), now = Date.now() }: CallbackInput,
  seen: { actor?: VerifiedActor },
): Promise<ConnectResult & { kind: 'connect' | 'replace' | 'recover' }> {
  const flow = await validateConnectState({
    state: query.get('state'),
    cookie: stateCookie,
    consumed,
    now,
  });
  const error = query.get('error');
  if (error) throw failureFromAuthorizeError(error, query.get('error_description'));
  const code = query.get('code');
  if (!code) throw new ConnectFailure('code_missing', 'authorize');

  const redeemed = await redeemAuthCode({
    code,
    ...flow,
    redirectUri: connectRedirectUri(),
    scopes: connectRedeemScopes(),
  }).catch((e: unknown) => {
    throw isEntraError(e) ? failureFromEntraError(e) : e;
  });
  const { claims, refreshToken } = redeemed;
  seen.actor = { upn: claims.upn ?? '', oid: claims.oid, tenantId: claims.tid };
  if (!refreshToken)
    throw new ConnectFailure('no_refresh_token', 'redeem', { tenantId: claims.tid });
  if (!claims.amr.includes('mfa')) {
    throw new ConnectFailure('mfa_missing', 'mfa', {
      tenantId: claims.tid,
      oid: claims.oid,
      amr: claims.amr.join(' '),
    });
  }

  const profile = await provePartnerTenant(redeemed.accessToken, claims.tid);
  // Connecting, or replacing a connection, is for a partner admin as the portal defines one
  // (Global Administrator in the ID token's `wids`, or Portal.Admin): Partner Center's own roles
  // are not the portal's policy. Checked before anything is stored (the profile read above changes nothing).
  const idTenant = parseTenantId(redeemed.idToken.tid);
  if (idTenant !== claims.tid || !isPartnerAdminClaims(redeemed.idToken)) {
    throw new ConnectFailure('not_partner_admin', 'admin', {
      tenantId: claims.tid,
      oid: claims.oid,
      roles: redeemed.idToken.roles.join(' '),
      hasWids: redeemed.idToken.wids.length > 0,
    });
  }
  const allowList = getConfig().PARTNER_TENANT_ALLOWLIST;
  if (allowList.length > 0 && !allowList.includes(claims.tid)) {
    throw new ConnectFailure('tenant_not_allowed', 'allowlist', { tenantId: claims.tid });
  }

  // Recorded with the grant's scopes: without it the access view cannot read GDAP relationships,
  // and the health page asks for a reconnect to grant it (Partner Center works either way).
  const graphScopes = await readGraphPermission(claims.tid, refreshToken);

  const at = new Date(now).toISOString();
  const store = getRefreshTokenStore();
  // Only for the activity row's kind (connect, replace, or recover of a disconnected secret).
  const existing = await store.get(claims.tid).catch(() => null);
  // Under the tenant's fleet-wide lock, so no redemption's rotation on any instance can write
  // the old grant's refresh token over this one. Fail closed: without the lock, store nothing.
  const broker = getTokenBroker();
  const record = await broker
    .exclusive(claims.tid, () => storeGrant(refreshToken), { failClosed: true })
    .catch((e: unknown) => {
      throw isConnectFailure(e)
        ? e
        : new ConnectFailure(
            'state_store_unavailable',
            'store',
            { tenantId: claims.tid },
            { cause: e },
          );
    });

  async function storeGrant(refreshToken: string) {
    // The new generation first: every instance drops what it holds from the old grant. If the
    // vault write then fails, Key Vault still decides what is served.
    await getTenantStates().record(claims.tid, 'connected');
    const saved = await store
      .save(claims.tid, refreshToken, {
        connectedByOid: claims.oid,
        connectedByUpn: claims.upn ?? '',
        connectedAt: at,
        amr: claims.amr.join(' '),
        scopes: [claims.scp ?? redeemed.scopes.join(' '), ...graphScopes].join(' '),
        rotatedAt: at,
        lastRedeemedAt: at,
        status: 'ok',
        orgName: profile.companyName,
      })
      .catch((e: unknown) => {
        throw isVaultError(e)
          ? new ConnectFailure(e.code, 'store', { tenantId: claims.tid }, { cause: e })
          : e;
      });
    // A reconnect replaces the grant: drop access tokens cached from the old one.
    await broker
      .forget(saved.tenantId)
      .catch((e: unknown) =>
        log.warn(
          { event: 'token_cache_forget_failed', tenantId: saved.tenantId, cause: e },
          'could not drop cached tokens',
        ),
      );
    return saved;
  }

  return {
    kind: existing ? 'replace' : record.revived ? 'recover' : 'connect',
    tenantId: record.tenantId,
    orgName: profile.companyName,
    connectedByOid: claims.oid,
    connectedByUpn: claims.upn ?? '',
    connectedByName: redeemed.displayName,
    connectedAt: at,
  };
}

function toConnectFailure(e: unknown): ConnectFailure {
  if (isConnectFailure(e)) return e;
  if (isEntraError(e)) return failureFromEntraError(e);
  return new ConnectFailure('unexpected_error', 'store', {}, { cause: e });
}
