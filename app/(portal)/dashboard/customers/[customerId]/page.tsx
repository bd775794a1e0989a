import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/next';
import { loadCustomerDetail } from '@/lib/customers';
import { ErrorState } from '../../_components/error-state';
import { redirectNotConnected } from '../../_components/load-failure';
import { ReconnectBanner } from '../../_components/reconnect-banner';
import { AddressBlock } from './_components/address-block';
import { SubscriptionsTable } from './_components/subscriptions-table';
import { RELATIONSHIP_LABELS } from '../../_components/relationship-label';

export const metadata: Metadata = { title: 'Customer · Partner Portal' };

/** One customer of the user's own tenant. Any other id (another partner's, malformed, unknown) is a 404. */
export default async function CustomerPage({
  params,
}: {
  params: Promise<{ customerId: string }>;
}) {
  const { customerId } = await params;
  const user = await requireUser(`/dashboard/customers/${encodeURIComponent(customerId)}`);
  const result = await loadCustomerDetail(user, customerId);

  if (result.kind === 'not-found') notFound();
  if (result.kind === 'not-connected') redirectNotConnected(user);
  if (result.kind === 'reconnect') {
    return (
      <main>
        <h1>Customer</h1>
        <ReconnectBanner advice={result.advice} isAdmin={user.isPartnerAdmin} />
      </main>
    );
  }
  if (result.kind === 'error') {
    return (
      <main>
        <h1>Customer</h1>
        <ErrorState
          code={result.code}
          message={result.message}
          refId={result.ref}
          retryHref={`/dashboard/customers/${customerId}`}
        />
      </main>
    );
  }

  const { customer, subscriptions } = result;
  return (
    <main>
      <p>
        <Link href="/dashboard">← All customers</Link>
      </p>
      <h1 data-testid="customer-name">{customer.companyName || '(no name)'}</h1>

      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Company profile</h2>
        <dl className="facts">
          <dt>Microsoft ID</dt>
          <dd>
            <code data-testid="customer-id">{customer.id}</code>
          </dd>
          <dt>Primary domain</dt>
          <dd>{customer.domain}</dd>
          {customer.customDomains.length > 0 && (
            <>
              <dt>Other domains</dt>
              <dd>{customer.customDomains.join(', ')}</dd>
            </>
          )}
          <dt>Relationship</dt>
          <dd>{RELATIONSHIP_LABELS[customer.relationship]}</dd>
          {customer.email && (
            <>
              <dt>Email</dt>
              <dd>{customer.email}</dd>
            </>
          )}
          {customer.commerceId && (
            <>
              <dt>Commerce ID</dt>
              <dd>
                <code>{customer.commerceId}</code>
              </dd>
            </>
          )}
          <dt>Address</dt>
          <dd>
            <AddressBlock address={customer.companyAddress} />
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="billing-heading">
        <h2 id="billing-heading">Billing</h2>
        {customer.billing ? (
          <dl className="facts">
            <dt>Contact</dt>
            <dd>
              {[customer.billing.firstName, customer.billing.lastName].filter(Boolean).join(' ') ||
                '—'}
            </dd>
            <dt>Email</dt>
            <dd>{customer.billing.email ?? '—'}</dd>
            <dt>Language</dt>
            <dd>{customer.billing.culture ?? customer.billing.language ?? '—'}</dd>
            <dt>Billing address</dt>
            <dd>
              <AddressBlock address={customer.billing.address} />
            </dd>
          </dl>
        ) : (
          <p className="muted">Partner Center returned no billing profile.</p>
        )}
      </section>

      <section className="card" aria-labelledby="access-heading">
        <h2 id="access-heading">Delegated access</h2>
        <p data-testid="delegated-access">
          {customer.allowDelegatedAccess === undefined
            ? 'Not reported by Partner Center.'
            : customer.allowDelegatedAccess
              ? 'Allowed: the partner has delegated admin access to this customer.'
              : 'Not allowed: the partner has no delegated admin access to this customer.'}
        </p>
      </section>

      <section className="card" aria-labelledby="subs-heading">
        <h2 id="subs-heading">Subscriptions ({subscriptions.length})</h2>
        <SubscriptionsTable subscriptions={subscriptions} />
      </section>
    </main>
  );
}
