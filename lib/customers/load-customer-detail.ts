import 'server-only';
import type { SessionUser } from '@/lib/auth';
import type { CustomerDetail, Subscription } from '@/lib/partner-center';
import { getCustomerDetail } from './get-customer-detail';
import { hasCode } from '@/lib/tokens/error-guards';
import { toFailure, type CustomerPageResult } from './load-customer-page';

export type CustomerDetailResult =
  | { kind: 'ok'; customer: CustomerDetail; subscriptions: Subscription[] }
  | { kind: 'not-found' }
  | Exclude<CustomerPageResult, { kind: 'ok' }>;

/** The detail page's data for the user's own tenant; another tenant's id is `not-found`. */
export async function loadCustomerDetail(
  user: SessionUser,
  customerId: string,
): Promise<CustomerDetailResult> {
  try {
    return { kind: 'ok', ...(await getCustomerDetail(user, customerId)) };
  } catch (e) {
    if (hasCode(e, ['customer_not_found'])) return { kind: 'not-found' };
    return toFailure(e);
  }
}
