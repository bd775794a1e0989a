import { Directory } from '@/emulator/directory/directory';
import { MICROSOFT_GRAPH, PARTNER_CENTER } from '@/emulator/directory/resource-apps';
import {
  PARTNER_A_TENANT_ID,
  PARTNER_B_TENANT_ID,
  PORTAL_CLIENT_ID,
  seedRegistrations,
} from '@/emulator/directory/seed';
import { seedDirectoryState } from '@/emulator/directory/seed-state';
import type { EntraDeps } from '@/emulator/entra/entra-deps';
import { EntraError } from '@/emulator/entra/http/entra-error';
import { hashSecret, newRefreshToken } from '@/emulator/entra/state/secrets';
import { EntraStore } from '@/emulator/entra/state/store';
import { handleTokenRequest } from '@/emulator/entra/token/handle-token-request';
import { createGraphService } from '@/emulator/graph';
import { createPartnerCenterService } from '@/emulator/partner-center';
import { makeTestContext, mountService } from './emulator-keyvault-harness';

export const ADMIN_A = '9cec40e1-8c0e-4dd0-b9a3-b8dc9bb26805'; // adele.vance, AdminAgents, no GA group
export const STAFF_A = 'af004c7d-b754-41c9-a5b2-a08b364f5e98'; // alex.wilber, not an admin agent
export const ADMIN_B = '486e7146-eb2d-4d6c-90a8-c3d4060a6df0'; // megan.bowen, every GDAP group
export const GDAP_READ = 'DelegatedAdminRelationship.Read.All';
export { PARTNER_A_TENANT_ID, PARTNER_B_TENANT_ID, PORTAL_CLIENT_ID };

/**
 * The real Entra directory and token logic, Partner Center (which seeds the customers and serves
 * application consents) and Graph on loopback listeners, over a temp state dir: tokens are
 * minted by the emulator's own token endpoint logic from planted refresh tokens.
 */
export async function mountGraphWorld(scale = 300) {
  const { ctx, cleanup } = makeTestContext(scale);
  const registrations = seedRegistrations(ctx.portalUrl);
  const store = new EntraStore(
    ctx.stateDir,
    () => seedDirectoryState(registrations, ctx.clock.now()),
    () => ctx.clock.now(),
  );
  const directory = new Directory(ctx.portalUrl, store, { now: () => ctx.clock.now() });
  const pcService = createPartnerCenterService(ctx, directory, { consents: directory });
  const graphService = createGraphService(ctx, directory);
  const pc = await mountService(ctx, pcService);
  const graph = await mountService(ctx, graphService);
  ctx.urls.graph = graph.url;
  const entra: EntraDeps = { ctx, directory, store };

  /** A refresh token for a seeded user, as the connect flow leaves one (MFA done). */
  const plantRefreshToken = (userOid: string, tenantId: string): string => {
    const rt = newRefreshToken();
    const now = ctx.clock.now();
    store.data.refreshTokens[hashSecret(rt)] = {
      clientId: PORTAL_CLIENT_ID,
      tenantId,
      userOid,
      amr: ['pwd', 'mfa'],
      authTime: now,
      sid: 'sid-graph',
      issuedAt: now,
      lastUsedAt: now,
    };
    return rt;
  };

  /** The partner's admin-wide consent to Partner Center and the given Graph scopes. */
  const consentPartner = (tenantId: string, graphScopes: string[]) =>
    directory.grantConsent(
      tenantId,
      PORTAL_CLIENT_ID,
      undefined,
      new Map([
        [PARTNER_CENTER.appId, ['user_impersonation']],
        [
          MICROSOFT_GRAPH.appId,
          ['openid', 'profile', 'offline_access', 'User.Read', ...graphScopes],
        ],
      ]),
      ctx.clock.now(),
    );

  /** A token from the refresh grant at `tenant`'s authority; throws EntraError on refusal. */
  const token = async (rt: string, scope: string, tenant: string): Promise<string> => {
    const body = (await handleTokenRequest(entra, {
      tenant,
      contentType: 'application/x-www-form-urlencoded',
      body: {
        grant_type: 'refresh_token',
        client_id: PORTAL_CLIENT_ID,
        client_secret: directory.portalApp.clientSecret,
        refresh_token: rt,
        scope,
      },
    })) as { access_token: string };
    return body.access_token;
  };

  return {
    ctx,
    directory,
    store,
    entra,
    pc,
    graph,
    pcService,
    graphService,
    plantRefreshToken,
    consentPartner,
    token,
    close: async () => {
      await pc.close();
      await graph.close();
      cleanup();
    },
  };
}

/** The AADSTS number of a refused token request. */
export async function aadstsOf(p: Promise<unknown>): Promise<number> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof EntraError)) throw new Error(`expected an EntraError, got ${String(e)}`);
  return e.spec.code;
}
