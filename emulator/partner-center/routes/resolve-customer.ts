import type { SeedCustomer } from '../../seed';
import type { PcCaller } from '../auth';
import type { PcDeps } from '../deps';
import { noRelationship, notFound } from '../errors';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's customer by id: 404 for an unknown or malformed id, 403/20002 for another partner's. */
export function resolveCustomer(deps: PcDeps, caller: PcCaller, id: string): SeedCustomer {
  if (!GUID.test(id)) throw notFound(`Customer '${id}' was not found.`);
  const customer = deps.customers.byId.get(id.toLowerCase());
  if (!customer) throw notFound(`Customer '${id}' was not found.`);
  if (customer.partnerTenantId !== caller.tenantId)
    throw noRelationship(caller.tenantId, customer.id);
  return customer;
}
