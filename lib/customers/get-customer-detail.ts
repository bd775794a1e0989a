import 'server-only';
import type { SessionUser } from '@/lib/auth';
import { AppError } from '@/lib/errors/app-error';
import { isGuid } from '@/lib/ids/guid';
import {
  createPartnerCenterClient,
  isPartnerCenterError,
  type CustomerDetail,
  type Subscription,
} from '@/lib/partner-center';
import { partnerCenterBudgetFor } from '@/lib/fleet';
import { getTokenBroker } from '@/lib/tokens';
import { getCustomerListCache } from './get-customer-list-cache';
import { requireLiveConnection } from './require-live-connection';

export class CustomerNotFoundError extends AppError {
  constructor() {
    super('customer_not_found', 'No such customer.', 404);
  }
}

/**
 * A customer of the signed-in user's own tenant, with subscriptions. An id that is malformed,
 * belongs to another partner, or is unknown is "not found" (404), never another tenant's data:
 * the lookup uses the user's tenant's token, and a complete cached list must contain the id.
 */
export async function getCustomerDetail(
  user: SessionUser,
  customerId: string,
): Promise<{ customer: CustomerDetail; subscriptions: Subscription[] }> {
  // A malformed id is "not found" whatever the connection's state; it costs no call at all.
  if (!isGuid(customerId)) throw new CustomerNotFoundError();
  await requireLiveConnection(user);
  const cached = getCustomerListCache().peek(user.tid);
  if (cached?.status === 'complete' && !cached.has(customerId)) throw new CustomerNotFoundError();

  const client = createPartnerCenterClient(() => getTokenBroker().getAccessToken(user.tid), {
    budget: partnerCenterBudgetFor(user.tid),
  });
  try {
    const [customer, subscriptions] = await Promise.all([
      client.getCustomer(customerId),
      client.getCustomerSubscriptions(customerId),
    ]);
    if (customer.id.toLowerCase() !== customerId.toLowerCase()) throw new CustomerNotFoundError();
    return { customer, subscriptions };
  } catch (e) {
    // Partner Center answers 404 for unknown ids and 403 for another partner's customer: both are "not found" to us.
    if (
      isPartnerCenterError(e) &&
      (e.upstreamStatus === 404 ||
        e.upstreamStatus === 403 ||
        e.code === 'partner_center_not_found')
    ) {
      throw new CustomerNotFoundError();
    }
    throw e;
  }
}
