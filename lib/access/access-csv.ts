import { csvCell } from '@/lib/customers/stream-customers-csv';
import type { AccessRow } from './access-row';

export const ACCESS_CSV_HEADER = [
  'Customer tenant id',
  'Name',
  'Domain',
  'In customer directory',
  'Access',
  'Relationships',
  'Roles',
  'End date',
  'Auto-extend',
  'Global Administrator',
  'App consent',
  'Missing scopes',
  'Last error',
  'Last error fix',
  'Checked at',
];

/** One access row as CSV cells (formula-looking text neutralised by csvCell). */
export function accessCsvLine(r: AccessRow): string {
  const roles = [...new Set(r.relationships.flatMap((x) => x.roleNames))].join('; ');
  const rels = r.relationships.map((x) => `${x.name ?? x.id} (${x.status})`).join('; ');
  return `${[
    r.customerTenantId,
    r.name,
    r.domain ?? '',
    r.inDirectory ? 'yes' : 'no',
    r.access,
    rels,
    roles,
    r.endDate ?? '',
    r.autoExtend ? 'yes' : 'no',
    r.globalAdmin ? 'yes' : 'no',
    r.consent,
    r.missingScopes.join(' '),
    r.lastError ? `${r.lastError.code}: ${r.lastError.title}` : '',
    r.lastError?.fix ?? '',
    r.checkedAt ?? '',
  ]
    .map(csvCell)
    .join(',')}\r\n`;
}

/**
 * The access rows as a CSV byte stream (UTF-8 with a BOM for Excel). The first page is read
 * before the stream is returned, so a database failure is an error response, not a cut file.
 */
export async function accessCsvStream(
  pages: AsyncGenerator<AccessRow[]>,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let first: IteratorResult<AccessRow[]> | undefined = await pages.next();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${ACCESS_CSV_HEADER.map(csvCell).join(',')}\r\n`));
    },
    async pull(controller) {
      const next = first ?? (await pages.next());
      first = undefined;
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map(accessCsvLine).join('')));
    },
  });
}
