import type { FastifyInstance } from 'fastify';
import type { Manifest } from '../core/manifest';
import type { EmulatorContext, EmulatorService } from '../core/service';
import type { Directory } from '../directory/directory';
import { SEEDED_APP_CONSENT_SCOPES } from '../seed/customer-access';
import { installGraphAuth } from './auth';
import { registerGraphControl } from './control-routes';
import type { GraphDeps } from './deps';
import { faultBody, installGraphErrorHandling } from './errors';
import { registerRelationshipRoutes } from './routes/relationships';
import { registerServicePrincipalRoutes } from './routes/service-principals';
import { GraphThrottle, installGraphThrottle } from './throttle';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/**
 * Microsoft Graph v1.0, the parts the access view needs (gdap-and-app-consent.md §2, §4, §7):
 * the partner's GDAP relationships and their access assignments, and service principals and
 * delegated permission grants in customer tenants. The data lives in the directory (seeded
 * relationships and consents, with their runtime changes persisted by Entra's store); this
 * service holds only its throttling windows, in memory.
 */
export function createGraphService(ctx: EmulatorContext, directory: Directory): EmulatorService {
  const deps: GraphDeps = { ctx, directory };
  const throttle = new GraphThrottle(ctx.clock);
  return {
    name: 'graph',
    register(app: FastifyInstance) {
      installGraphErrorHandling(app, () => ctx.clock.now());
      installGraphAuth(app, ctx, directory);
      installGraphThrottle(app, throttle);
      registerRelationshipRoutes(app, deps);
      registerServicePrincipalRoutes(app, deps);
    },
    registerControl(app: FastifyInstance) {
      registerGraphControl(app, directory, throttle);
    },
    reset() {
      throttle.reset();
    },
    manifest(): Partial<Manifest> {
      return {
        graph: {
          url: ctx.urls.graph,
          resource: GRAPH_RESOURCE,
          appConsentScopes: [...SEEDED_APP_CONSENT_SCOPES],
        },
      };
    },
    faultBody: (status) => faultBody(status, ctx.clock.now()),
  };
}
