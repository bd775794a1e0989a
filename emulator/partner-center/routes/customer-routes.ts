import type { FastifyInstance } from 'fastify';
import { generateSubscriptions } from '../../seed';
import { callerOf } from '../auth';
import { customerDetail } from '../customer-json';
import type { PcDeps } from '../deps';
import { subscriptionJson } from '../subscription-json';
import { resolveCustomer } from './resolve-customer';

type IdParams = { id: string };

/** `GET /v1/customers/{id}` and `GET /v1/customers/{id}/subscriptions`. */
export function registerCustomerRoutes(app: FastifyInstance, deps: PcDeps): void {
  app.get<{ Params: IdParams }>('/v1/customers/:id', async (req) =>
    customerDetail(resolveCustomer(deps, callerOf(req), req.params.id)),
  );

  app.get<{ Params: IdParams }>('/v1/customers/:id/subscriptions', async (req) => {
    const customer = resolveCustomer(deps, callerOf(req), req.params.id);
    const items = generateSubscriptions(customer).map((s) => subscriptionJson(customer, s));
    // The documented collection has no links, unlike the customer list.
    return {
      totalCount: items.length,
      items,
      attributes: { objectType: 'Collection' },
    };
  });
}
