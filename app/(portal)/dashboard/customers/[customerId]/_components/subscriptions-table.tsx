import { DateTime } from '@/app/_components/date-time';
import type { Subscription } from '@/lib/partner-center/types';

export function SubscriptionsTable({ subscriptions }: { subscriptions: Subscription[] }) {
  if (subscriptions.length === 0)
    return (
      <p className="muted" data-testid="no-subscriptions">
        This customer has no subscriptions.
      </p>
    );
  return (
    <table className="stack-table" data-testid="subscriptions-table">
      <caption className="visually-hidden">Subscriptions</caption>
      <thead>
        <tr>
          <th scope="col">Offer</th>
          <th scope="col">Quantity</th>
          <th scope="col">Status</th>
          <th scope="col">Billing</th>
          <th scope="col">Term</th>
          <th scope="col">Created</th>
          <th scope="col">Commitment ends</th>
          <th scope="col">Auto-renew</th>
        </tr>
      </thead>
      <tbody>
        {subscriptions.map((s) => (
          <tr key={s.id} data-testid="subscription-row">
            <th scope="row">
              {s.friendlyName || s.offerName || s.offerId || s.id}
              {s.isTrial ? ' (trial)' : ''}
            </th>
            <td data-label="Quantity">
              {s.quantity ?? '—'}
              {s.unitType ? ` ${s.unitType}` : ''}
            </td>
            <td data-label="Status">{s.status ?? '—'}</td>
            <td data-label="Billing">{s.billingCycle ?? '—'}</td>
            <td data-label="Term">{s.termDuration ?? '—'}</td>
            <td data-label="Created">
              <DateTime iso={s.creationDate} dateOnly />
            </td>
            <td data-label="Commitment ends">
              <DateTime iso={s.commitmentEndDate} dateOnly />
            </td>
            <td data-label="Auto-renew">
              {s.autoRenewEnabled === undefined ? '—' : s.autoRenewEnabled ? 'Yes' : 'No'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
