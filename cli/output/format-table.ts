export interface Column<T> {
  header: string;
  value: (row: T) => string | number | undefined;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
}

const EMPTY = '-';

/**
 * A plain-text table: a header row, then one line per row, columns padded to the widest cell
 * and separated by two spaces. Missing values print as `-` so columns stay readable; control
 * characters are replaced so a hostile company name cannot move the cursor or fake a row.
 */
export function formatTable<T>(columns: ReadonlyArray<Column<T>>, rows: readonly T[]): string {
  const cells = rows.map((row) => columns.map((c) => cellText(c.value(row))));
  const widths = columns.map((c, i) =>
    Math.max(width(c.header), ...cells.map((r) => width(r[i] ?? ''))),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) =>
        columns[i]?.align === 'right'
          ? pad(v, widths[i] ?? 0, 'start')
          : pad(v, widths[i] ?? 0, 'end'),
      )
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n') + '\n';
}

/** Label/value lines for one record, labels padded to the longest: `Company  Contoso Ltd`. */
export function formatFields(
  fields: ReadonlyArray<readonly [string, string | number | boolean | undefined]>,
): string {
  const labelWidth = Math.max(0, ...fields.map(([label]) => width(label)));
  return (
    fields
      .map(([label, value]) => `${pad(label, labelWidth, 'end')}  ${cellText(value)}`.trimEnd())
      .join('\n') + '\n'
  );
}

export function cellText(value: string | number | boolean | undefined): string {
  if (value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** Width in code points, so accented names don't misalign the columns. */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number, side: 'start' | 'end'): string {
  const gap = ' '.repeat(Math.max(0, to - width(text)));
  return side === 'start' ? gap + text : text + gap;
}
