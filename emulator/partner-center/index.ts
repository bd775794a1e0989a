import type { FastifyInstance } from 'fastify';
import type { Manifest } from '../core/manifest';
import type { EmulatorContext, EmulatorService } from '../core/service';
import { seedCustomers, seedOrganizationProfile, type SeedOrganizationProfile } from '../seed';
import { installPcAuth, PARTNER_CENTER_RESOURCE } from './auth';
import { registerPartnerCenterControl } from './control-routes';
import { PartnerCustomerIndex } from './customer-index';
import { installCustomerThrottle } from './customer-throttle';
import type { PcDeps } from './deps';
import type { PartnerCenterDirectoryView } from './directory-view';
import { faultBody, installPcErrorHandling } from './errors';
import { installRequestIdEcho } from './request-ids';
import { registerCustomerRoutes } from './routes/customer-routes';
import { registerListCustomers } from './routes/list-customers';
import { registerOrganizationProfile } from './routes/organization-profile';
import { Throttle } from './throttle';
import type { ConsentDirectory } from './consent-directory';
import { ConsentThrottle, installConsentThrottle } from './consent-throttle';
import { registerApplicationConsents } from './routes/application-consents';

/**
 * Partner Center REST v1 (customers, subscriptions, organization profile, application consents)
 * over the seeded customers of the directory's partner tenants. Customers are read-only and
 * deterministic; an application consent changes the directory (`opts.consents`, persisted by
 * Entra's store). Throttling windows live in memory and `reset()` clears them.
 */
export function createPartnerCenterService(
  ctx: EmulatorContext,
  directory: PartnerCenterDirectoryView,
  opts: { consents?: ConsentDirectory } = {},
): EmulatorService {
  const partners = directory.listTenants('partner');
  const customers = seedCustomers(
    partners.map((t) => t.id.toLowerCase()),
    ctx.customerScale,
    directory.listTenants().map((t) => t.domain),
  );
  directory.addCustomerTenants(
    [...customers.byId.values()].map((c) => ({
      id: c.id,
      name: c.companyName,
      domain: c.domain,
      partnerTenantId: c.partnerTenantId,
    })),
  );

  const deps: PcDeps = {
    customers,
    indexes: new Map(
      [...customers.byPartner].map(([tenantId, list]) => [
        tenantId,
        new PartnerCustomerIndex(list),
      ]),
    ),
    profiles: new Map<string, SeedOrganizationProfile>(
      partners.map((t) => [t.id.toLowerCase(), seedOrganizationProfile(t)]),
    ),
  };
  const partnerIds = new Set(deps.profiles.keys());
  const throttle = new Throttle(ctx.clock);
  const consentThrottle = new ConsentThrottle(ctx.clock);

  return {
    name: 'partner-center',
    register(app: FastifyInstance) {
      installPcErrorHandling(app);
      installRequestIdEcho(app);
      installPcAuth(app, ctx, (tid) => partnerIds.has(tid));
      installCustomerThrottle(app, throttle);
      installConsentThrottle(app, consentThrottle);
      registerListCustomers(app, deps);
      registerCustomerRoutes(app, deps);
      registerOrganizationProfile(app, deps);
      if (opts.consents) registerApplicationConsents(app, deps, opts.consents, ctx.clock);
    },
    registerControl(app: FastifyInstance) {
      registerPartnerCenterControl(app, throttle);
    },
    reset() {
      throttle.reset();
      consentThrottle.reset();
    },
    manifest(): Partial<Manifest> {
      return { partnerCenter: { url: ctx.urls.partnerCenter, resource: PARTNER_CENTER_RESOURCE } };
    },
    faultBody,
  };
}
