import type { ActivityEntry } from '@/lib/activity';

/**
 * One activity row as the table shows it: plain strings, built on the server, so the client
 * table (activity-table.tsx) gets values rather than element trees in the page's RSC payload.
 */
export type ActivityRowData = readonly [
  id: string,
  /** ISO timestamp (the cell's title) */
  at: string,
  /** `2026-11-30 04:52 UTC` */
  time: string,
  event: string,
  kind: string,
  result: string,
  partnerTenantId: string,
  by: string,
  errorCode: string,
  correlationId: string,
];

function actorOf(e: ActivityEntry): string {
  if (e.actor.type === 'user') return e.actor.upn ?? e.actor.oid ?? 'a user';
  if (e.actor.type === 'console') return e.actor.upn ? `console (${e.actor.upn})` : 'console';
  if (e.actor.type === 'job') return 'scheduled job';
  if (e.actor.type === 'portal') return 'portal';
  return 'not signed in';
}

export function toActivityRowData(e: ActivityEntry): ActivityRowData {
  const kind = e.kind.replace(/_/g, ' ');
  return [
    String(e.id),
    e.at,
    // Formatted by hand in UTC, like DateTime, without its markup.
    `${e.at.slice(0, 10)} ${e.at.slice(11, 16)} UTC`,
    e.customerTenantId ? `${kind} (customer ${e.customerTenantId})` : kind,
    e.kind,
    e.result,
    e.partnerTenantId ?? '',
    actorOf(e),
    e.errorCode ?? '',
    e.correlationId ?? '',
  ];
}
