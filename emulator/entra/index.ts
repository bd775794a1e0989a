import type { FastifyInstance } from 'fastify';
import type { EmulatorContext, EmulatorService } from '../core/service';
import { Directory } from '../directory/directory';
import { ensureAppCertificate } from '../directory/app-certificate';
import { PORTAL_CLIENT_ID, seedRegistrations } from '../directory/seed';
import { seedDirectoryState } from '../directory/seed-state';
import { addFleetToDirectory, fleetRefreshTokens } from '../seed/fleet-entra-state';
import cookie from '@fastify/cookie';
import { registerAdminConsentRoutes } from './authorize/admin-consent-routes';
import { registerAuthorizeRoutes } from './authorize/authorize-routes';
import { registerConsentRoutes } from './authorize/consent-routes';
import { registerLogoutRoutes } from './authorize/logout-routes';
import { registerMfaRoutes } from './authorize/mfa-routes';
import { registerSignInRoutes } from './authorize/sign-in-routes';
import { registerEntraControlRoutes } from './control/control-routes';
import { registerDiscoveryRoutes } from './discovery/routes';
import { setUpApiListener, setUpBrowserListener } from './http/listener-setup';
import { registerTokenRoutes } from './token/routes';
import { registerUserinfoRoutes } from './userinfo/userinfo-routes';
import type { EntraDeps } from './entra-deps';
import { entraErrorBody } from './http/entra-error';
import { buildEntraManifest } from './manifest';
import { EntraStore } from './state/store';

export type EntraService = EmulatorService & { directory: Directory };

/**
 * The Entra ID emulator: discovery, keys and /token on the https authority; authorize, sign-in,
 * MFA, consent and logout pages on the plain-http browser origin; test-only controls.
 */
export function createEntraService(ctx: EmulatorContext): EntraService {
  const registrations = seedRegistrations(ctx.portalUrl);
  const fleet = ctx.fleet;
  const store = new EntraStore(
    ctx.stateDir,
    () => {
      const state = seedDirectoryState(registrations, ctx.clock.now());
      if (fleet) addFleetToDirectory(state, fleet, registrations[0]!);
      return state;
    },
    () => ctx.clock.now(),
    () => (fleet ? fleetRefreshTokens(fleet, PORTAL_CLIENT_ID) : {}),
  );
  // The portal app's certificate credential: made once per state folder, registered on the app.
  const portalCertificate = ensureAppCertificate(
    ctx.stateDir,
    'portal-app-cert',
    'Partner Portal (emulator)',
    ctx.clock.now(),
  );
  const directory = new Directory(ctx.portalUrl, store, {
    keyCredentials: { [PORTAL_CLIENT_ID]: [portalCertificate.keyCredential] },
    now: () => ctx.clock.now(),
    extraTenants: fleet?.tenants,
  });
  const deps: EntraDeps = { ctx, directory, store, portalCertificatePath: portalCertificate.path };

  return {
    name: 'entra',
    directory,
    register(app: FastifyInstance) {
      setUpApiListener(app, deps);
      registerDiscoveryRoutes(app, deps);
      registerTokenRoutes(app, deps);
      registerUserinfoRoutes(app, deps);
    },
    async registerBrowser(app: FastifyInstance) {
      await app.register(cookie);
      setUpBrowserListener(app, deps);
      registerAuthorizeRoutes(app, deps);
      registerSignInRoutes(app, deps);
      registerMfaRoutes(app, deps);
      registerConsentRoutes(app, deps);
      registerAdminConsentRoutes(app, deps);
      registerLogoutRoutes(app, deps);
    },
    registerControl(app: FastifyInstance) {
      registerEntraControlRoutes(app, deps);
    },
    reset() {
      store.reset();
    },
    manifest: () => buildEntraManifest(deps),
    faultBody: (status) =>
      entraErrorBody(
        status === 429
          ? {
              error: 'temporarily_unavailable',
              code: 90025,
              message: 'Request processing has been throttled. Please retry.',
            }
          : {
              error: 'temporarily_unavailable',
              code: 50001,
              message: 'The service is temporarily unavailable. Please retry.',
            },
        { now: ctx.clock.now(), authorityHost: ctx.urls.entra },
      ),
  };
}
