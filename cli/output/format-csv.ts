/**
 * RFC 4180 CSV: a header line, then one line per row, CRLF line ends (what spreadsheets expect).
 * Cells with a comma, quote or line break are quoted. Cells that a spreadsheet would run as a
 * formula (leading =, +, -, @, tab, CR) get a leading apostrophe: CSV injection.
 */
export function formatCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | undefined>>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
