import type { CustomerSummary } from '@/lib/partner-center/types';

const HEADER = ['Microsoft ID', 'Company name', 'Primary domain', 'Relationship'];
const ROWS_PER_CHUNK = 500;

/**
 * One CSV cell. Quotes when needed, and neutralises text a spreadsheet would run as a formula
 * (a company name starting with `=`, `+`, `-` or `@`).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The customers as a CSV byte stream, written in chunks so a 50,000-row export never sits in one string. */
export function streamCustomersCsv(
  customers: readonly CustomerSummary[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM so Excel opens UTF-8 company names correctly.
      controller.enqueue(encoder.encode(`\uFEFF${row(HEADER)}`));
    },
    pull(controller) {
      const end = Math.min(index + ROWS_PER_CHUNK, customers.length);
      let chunk = '';
      for (; index < end; index++) {
        const c = customers[index]!;
        chunk += row([c.id, c.companyName, c.domain, c.relationship]);
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (index >= customers.length) controller.close();
    },
  });
}
