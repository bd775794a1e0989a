import type { SeedCustomer, SeedSubscription } from '../seed';
import { link } from './links';

/** A subscription as `GET /v1/customers/{id}/subscriptions` lists it (get-all-of-a-customer-s-subscriptions.md). */
export function subscriptionJson(customer: SeedCustomer, s: SeedSubscription) {
  const [productId, skuId, availabilityId] = s.offerId.split(':');
  const cancellable = new Date(Date.parse(s.effectiveStartDate) + 7 * 86_400_000).toISOString();
  const country = customer.address.country;
  return {
    id: s.id,
    entitlementId: s.entitlementId,
    offerId: s.offerId,
    offerName: s.offerName,
    friendlyName: s.friendlyName,
    productType: { id: s.productTypeId, displayName: s.productTypeId },
    quantity: s.quantity,
    unitType: s.unitType,
    hasPurchasableAddons: false,
    creationDate: s.creationDate,
    effectiveStartDate: s.effectiveStartDate,
    commitmentEndDate: s.commitmentEndDate,
    cancellationAllowedUntilDate: cancellable,
    status: s.status,
    autoRenewEnabled: s.autoRenewEnabled,
    isTrial: s.isTrial,
    billingType: 'license',
    billingCycle: s.billingCycle,
    termDuration: s.termDuration,
    renewalTermDuration: s.termDuration,
    refundOptions: [],
    isMicrosoftProduct: true,
    partnerId: '',
    attentionNeeded: false,
    actionTaken: false,
    contractType: 'subscription',
    links: {
      product: link(`/products/${productId}?country=${country}`),
      sku: link(`/products/${productId}/skus/${skuId}?country=${country}`),
      availability: link(
        `/products/${productId}/skus/${skuId}/availabilities/${availabilityId}?country=${country}`,
      ),
      self: link(`/customers/${customer.id}/subscriptions/${s.id}`),
    },
    orderId: s.orderId,
    attributes: { etag: s.orderId.slice(0, 16), objectType: 'Subscription' },
  };
}
