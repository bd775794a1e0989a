import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { createAccessActionToken } from '@/lib/access/action-token';
import { loadAccessDetail } from '@/lib/access/access-view';
import type { AccessRow } from '@/lib/access/access-row';
import { consentRequest } from '@/lib/access/consent-grant';
import { assignedRoleNames, isUnassigned } from '@/lib/access/derive-access';
import { requireUser } from '@/lib/next';
import { isAppError } from '@/lib/errors/app-error';
import { loadFailure } from '../../_components/load-failure';
import { ConsentScopes } from '../_components/consent-scopes';
import { ACCESS_LABEL, CONSENT_LABEL } from '../_components/labels';
import { When } from '../_components/when';

export const metadata: Metadata = { title: 'Customer access · Partner Portal' };

const NOTICES: Record<string, string> = {
  checked: 'Checked just now.',
  'consent-granted': 'The app is consented in this customer’s tenant.',
  'consent-existed': 'The app was already consented in this customer’s tenant.',
  'consent-removed':
    'The app’s consent (its service principal) was removed from this customer’s tenant.',
};

type Params = Promise<{ customerId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One customer: its relationships with their roles, the app's consent, the last error, and actions. */
export default async function AccessDetailPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { customerId } = await params;
  const sp = await searchParams;
  const user = await requireUser(`/dashboard/access/${encodeURIComponent(customerId)}`);
  let row: AccessRow;
  try {
    row = await loadAccessDetail(user, customerId);
  } catch (e) {
    if (isAppError(e) && e.code === 'access_customer_not_found') notFound();
    return loadFailure(e, user, {
      title: 'Customer access',
      retryHref: `/dashboard/access/${encodeURIComponent(customerId)}`,
    });
  }
  const notice = typeof sp.notice === 'string' ? NOTICES[sp.notice] : undefined;
  const error =
    typeof sp.error === 'string' && /^[a-z0-9_]{1,60}$/i.test(sp.error) ? sp.error : undefined;
  const id = row.customerTenantId;
  const active = row.relationships.filter((r) => r.status === 'active');
  const unassigned = row.access === 'gdap' && isUnassigned(active);
  const heldRoles = assignedRoleNames(row.relationships);
  return (
    <main
      data-testid="access-detail"
      data-customer-id={id}
      data-access={row.access}
      data-consent={row.consent}
    >
      <p>
        <Link href="/dashboard/access">← Customer access</Link>
      </p>
      <h1>{row.name || id}</h1>
      {notice && (
        <p className="card" role="status" data-testid="access-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="card banner-bad" role="alert" data-testid="access-action-error">
          The action failed: <code>{error}</code>
        </p>
      )}
      <table>
        <tbody>
          <tr>
            <th>Tenant id</th>
            <td>
              <code>{id}</code>
            </td>
          </tr>
          <tr>
            <th>Domain</th>
            <td>{row.domain ?? '—'}</td>
          </tr>
          <tr>
            <th>In the customer directory</th>
            <td>
              {row.inDirectory
                ? 'Yes'
                : 'No: a GDAP relationship with a tenant that is not a Partner Center customer'}
            </td>
          </tr>
          <tr>
            <th>Access</th>
            <td className={ACCESS_LABEL[row.access].className} data-testid="detail-access">
              {ACCESS_LABEL[row.access].text}
            </td>
          </tr>
          <tr>
            <th>App consent</th>
            <td className={CONSENT_LABEL[row.consent].className} data-testid="detail-consent">
              {CONSENT_LABEL[row.consent].text}
              {row.missingScopes.length > 0 && (
                <span className="muted"> (missing: {row.missingScopes.join(', ')})</span>
              )}
            </td>
          </tr>
          <tr>
            <th>Roles a group holds</th>
            <td data-testid="detail-assigned-roles">
              {unassigned ? (
                <span className="status-bad">
                  None: no security group holds this customer’s GDAP roles
                </span>
              ) : heldRoles.length ? (
                heldRoles.join(', ')
              ) : (
                '—'
              )}
            </td>
          </tr>
          <tr>
            <th>GDAP ends</th>
            <td>
              <When iso={row.endDate} />{' '}
              {row.endDate && (row.autoExtend ? '(auto-extends)' : '(no auto-extend)')}
            </td>
          </tr>
          <tr>
            <th>Last checked</th>
            <td>
              <When iso={row.checkedAt} withTime />
            </td>
          </tr>
        </tbody>
      </table>
      {row.lastError && (
        <div className="card banner-bad" data-testid="detail-last-error">
          <p>
            <strong>{row.lastError.title}</strong> <code>{row.lastError.code}</code> (
            <When iso={row.lastError.at} withTime />)
          </p>
          <p>
            <strong>Fix:</strong> {row.lastError.fix}
          </p>
        </div>
      )}
      <h2>GDAP relationships</h2>
      {row.relationships.length === 0 ? (
        <p className="muted">No GDAP relationship with this customer.</p>
      ) : (
        <table data-testid="relationships">
          <thead>
            <tr>
              <th>Relationship</th>
              <th>Status</th>
              <th>Roles</th>
              <th>Groups holding roles</th>
              <th>Ends</th>
              <th>Auto-extend</th>
            </tr>
          </thead>
          <tbody>
            {row.relationships.map((r) => (
              <tr key={r.id} data-testid="relationship" data-status={r.status}>
                <td>
                  {r.name ?? r.id}
                  <div className="muted">
                    <code>{r.id}</code>
                  </div>
                  {r.mlt && <div className="status-warn">Microsoft-led transition (read-only)</div>}
                </td>
                <td>{r.status}</td>
                <td>
                  <ul>
                    {r.roleNames.map((n) => (
                      <li
                        key={n}
                        className={n === 'Global Administrator' ? 'status-warn' : undefined}
                      >
                        {n}
                      </li>
                    ))}
                  </ul>
                  {r.includesGlobalAdmin && (
                    <p className="status-warn" data-testid="global-admin-flag">
                      Includes Global Administrator: least privilege says avoid it, and it cannot
                      auto-extend.
                    </p>
                  )}
                </td>
                <td data-testid="assignments">
                  {r.assignments === undefined ? (
                    <span className="muted">
                      {r.status === 'active' ? 'Not read yet' : 'Only for active relationships'}
                    </span>
                  ) : r.assignments.length === 0 ? (
                    <span className="status-bad">No access assignment</span>
                  ) : (
                    <ul>
                      {r.assignments.map((a) => (
                        <li key={a.id} data-testid="assignment" data-status={a.status}>
                          Group <code>{a.groupId ?? '—'}</code>{' '}
                          <span className={a.status === 'active' ? undefined : 'status-warn'}>
                            ({a.status})
                          </span>
                          : {a.roleNames.join(', ') || 'no roles'}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <When iso={r.endDateTime} />
                </td>
                <td>{r.autoExtend ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Actions</h2>
      <form method="post" action={`/api/access/${id}/check`}>
        <input type="hidden" name="csrfToken" value={createAccessActionToken(user, id, 'check')} />
        <button className="button secondary" type="submit" data-testid="check-now">
          Check now
        </button>
      </form>
      {user.isPartnerAdmin && row.access === 'gdap' && (
        <>
          {row.consent !== 'granted' && (
            <section className="card" data-testid="grant-section">
              <ConsentScopes request={consentRequest()} />
              <form method="post" action={`/api/access/${id}/consent`}>
                <input
                  type="hidden"
                  name="csrfToken"
                  value={createAccessActionToken(user, id, 'grant')}
                />
                <button className="button" type="submit" data-testid="grant-consent">
                  Grant consent
                </button>
              </form>
            </section>
          )}
          {(row.consent === 'granted' || row.consent === 'partial') && (
            <section className="card" data-testid="remove-section">
              <form method="post" action={`/api/access/${id}/consent/remove`}>
                <input
                  type="hidden"
                  name="csrfToken"
                  value={createAccessActionToken(user, id, 'remove')}
                />
                <label>
                  <input
                    type="checkbox"
                    name="confirm"
                    value="yes"
                    required
                    data-testid="remove-confirm"
                  />{' '}
                  I understand this deletes the portal app&apos;s service principal from this
                  customer&apos;s tenant; the portal then cannot read or manage it until consent is
                  granted again.
                </label>{' '}
                <button className="button secondary" type="submit" data-testid="remove-consent">
                  Remove consent
                </button>
              </form>
            </section>
          )}
        </>
      )}
    </main>
  );
}
