'use client';

import type { AccessState, ConsentState } from '@/lib/access/types';
import { ACCESS_LABEL, CONSENT_LABEL } from './labels';

/** One access row as the table shows it (see toRowData in access-table.tsx). */
export type AccessRowData = readonly [
  id: string,
  name: string,
  domain: string,
  inDirectory: boolean,
  access: AccessState,
  relationships: number,
  globalAdmin: boolean,
  /** ISO timestamp, or '' */
  endDate: string,
  autoExtend: boolean,
  consent: ConsentState,
  errorCode: string,
  errorTitle: string,
  /** ISO timestamp, or '' */
  checkedAt: string,
];

/**
 * The table's body, rendered from plain tuples. As a server component every row's elements were
 * serialized into the page's RSC payload, parsed back for the HTML, and inlined into the page a
 * second time; as one client component only the tuples travel, and the elements are made once.
 */
export function AccessRows({ rows }: { rows: readonly AccessRowData[] }) {
  return <tbody>{rows.map(accessRow)}</tbody>;
}

function accessRow([
  id,
  name,
  domain,
  inDirectory,
  accessState,
  relationships,
  globalAdmin,
  endDate,
  autoExtend,
  consentState,
  errorCode,
  errorTitle,
  checkedAt,
]: AccessRowData) {
  const access = ACCESS_LABEL[accessState];
  const consent = CONSENT_LABEL[consentState];
  return (
    <tr
      key={id}
      data-testid="access-row"
      data-customer-id={id}
      data-access={accessState}
      data-consent={consentState}
      data-error={errorCode || undefined}
    >
      <td>
        <a href={`/dashboard/access/${id}`}>{name || id}</a>
        {domain && <div className="muted">{domain}</div>}
        {!inDirectory && <div className="status-warn">Not in the customer directory</div>}
      </td>
      <td className={access.className}>{access.text}</td>
      <td>
        {relationships}
        {globalAdmin && (
          <div
            className="status-warn"
            title="Least privilege: Global Administrator cannot auto-extend"
          >
            Global Administrator
          </div>
        )}
      </td>
      {endDate ? (
        <td>
          <time dateTime={endDate}>{endDate.slice(0, 10)}</time>
          <div className="muted">{autoExtend ? 'auto-extends' : 'no auto-extend'}</div>
        </td>
      ) : (
        <td className="muted">—</td>
      )}
      <td className={consent.className}>{consent.text}</td>
      {errorCode ? (
        <td>
          <code title={errorTitle}>{errorCode}</code>
        </td>
      ) : (
        <td className="muted">—</td>
      )}
      {checkedAt ? (
        <td>
          <time dateTime={checkedAt}>{`${checkedAt.slice(0, 16).replace('T', ' ')} UTC`}</time>
        </td>
      ) : (
        <td className="muted">—</td>
      )}
    </tr>
  );
}
