import { csvCell } from '@/lib/customers/stream-customers-csv';
import type { ActivityEntry } from './list-activity';

const HEADER = [
  'Time (UTC)',
  'Kind',
  'Result',
  'Partner tenant',
  'Actor type',
  'Actor UPN',
  'Actor object id',
  'Actor tenant',
  'Error code',
  'Correlation id',
  'Customer tenant',
  'Via UPN',
];

function line(e: ActivityEntry): string {
  return `${[
    e.at,
    e.kind,
    e.result,
    e.partnerTenantId ?? '',
    e.actor.type,
    e.actor.upn ?? '',
    e.actor.oid ?? '',
    e.actor.tenantId ?? '',
    e.errorCode ?? '',
    e.correlationId ?? '',
    e.customerTenantId ?? '',
    e.viaUpn ?? '',
  ]
    .map(csvCell)
    .join(',')}\r\n`;
}

/** Activity rows as a CSV byte stream (UTF-8 with a BOM, like the other exports), batch by batch. */
export function activityCsvStream(
  batches: AsyncIterable<ActivityEntry[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${HEADER.map(csvCell).join(',')}\r\n`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(line).join('')));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
