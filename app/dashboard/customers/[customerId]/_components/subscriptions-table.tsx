import type { Subscription } from '@/lib/partner-center/types';

const date = (iso?: string) => (iso ? iso.slice(0, 10) : '—');

export function SubscriptionsTable({ subscriptions }: { subscriptions: Subscription[] }) {
  if (subscriptions.length === 0)
    return (
      <p className="muted" data-testid="no-subscriptions">
        This customer has no subscriptions.
      </p>
    );
  return (
    <table data-testid="subscriptions-table">
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
            <td>
              {s.quantity ?? '—'}
              {s.unitType ? ` ${s.unitType}` : ''}
            </td>
            <td>{s.status ?? '—'}</td>
            <td>{s.billingCycle ?? '—'}</td>
            <td>{s.termDuration ?? '—'}</td>
            <td>{date(s.creationDate)}</td>
            <td>{date(s.commitmentEndDate)}</td>
            <td>{s.autoRenewEnabled === undefined ? '—' : s.autoRenewEnabled ? 'Yes' : 'No'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
