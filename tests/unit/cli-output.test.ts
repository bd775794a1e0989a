import { formatAddress } from '@/cli/output/format-address';
import { shortDate } from '@/cli/output/format-date';
import { cellText, formatFields, formatTable, type Column } from '@/cli/output/format-table';
import { reportProgress } from '@/cli/output/report-progress';

describe('formatTable', () => {
  const columns: Array<Column<{ name: string; n?: number }>> = [
    { header: 'NAME', value: (r) => r.name },
    { header: 'N', value: (r) => r.n, align: 'right' },
  ];

  it('pads columns to the widest cell, right-aligns numbers and trims line ends', () => {
    expect(
      formatTable(columns, [
        { name: 'Contoso', n: 7 },
        { name: 'Fabrikam Ltd', n: 1200 },
      ]),
    ).toBe('NAME             N\nContoso          7\nFabrikam Ltd  1200\n');
  });

  it('prints missing values as "-" and counts accented letters as one column', () => {
    const out = formatTable(columns, [{ name: 'Café Müller' }, { name: 'x', n: 1 }]);
    expect(out.split('\n')).toEqual(['NAME         N', 'Café Müller  -', 'x            1', '']);
  });

  it('replaces control characters so a company name cannot fake a row or move the cursor', () => {
    expect(cellText('Evil\nCorp\u001b[2J')).toBe('Evil Corp [2J');
    expect(formatTable(columns, [{ name: 'a\nb', n: 1 }]).split('\n')).toHaveLength(3);
  });

  it('prints only the header for no rows', () => {
    expect(formatTable(columns, [])).toBe('NAME  N\n');
  });
});

describe('formatFields', () => {
  it('aligns labels and shows booleans as yes/no', () => {
    expect(
      formatFields([
        ['Company', 'Contoso'],
        ['Delegated access', true],
        ['Email', undefined],
      ]),
    ).toBe('Company           Contoso\nDelegated access  yes\nEmail             -\n');
  });
});

describe('formatAddress and shortDate', () => {
  it('joins the parts that exist', () => {
    expect(
      formatAddress({
        addressLine1: '1 Microsoft Way',
        city: 'Redmond',
        state: 'WA',
        postalCode: '98052',
        country: 'US',
      }),
    ).toBe('1 Microsoft Way, Redmond, WA 98052, US');
    expect(formatAddress({ country: 'DE' })).toBe('DE');
    expect(formatAddress({})).toBeUndefined();
    expect(formatAddress(undefined)).toBeUndefined();
  });

  it('shows UTC minutes and ignores what is not a date', () => {
    expect(shortDate('2026-03-01T14:05:09.123Z')).toBe('2026-03-01 14:05Z');
    expect(shortDate('2026-03-01T16:05:09+02:00')).toBe('2026-03-01 14:05Z');
    expect(shortDate('soon')).toBeUndefined();
    expect(shortDate(undefined)).toBeUndefined();
  });
});

describe('reportProgress', () => {
  function fakeStream(isTTY: boolean) {
    const written: string[] = [];
    return {
      written,
      stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream,
    };
  }

  it('prints nothing for a listing that fits in one page', () => {
    const { written, stream } = fakeStream(false);
    reportProgress('customers', stream)({ loaded: 40, pages: 1, done: true });
    expect(written).toEqual([]);
  });

  it('prints one line per page when not on a terminal', () => {
    const { written, stream } = fakeStream(false);
    const progress = reportProgress('customers', stream);
    progress({ loaded: 500, pages: 1, done: false });
    progress({ loaded: 720, pages: 2, done: true });
    expect(written).toEqual([
      'Loading… 500 customers (1 page)\n',
      'Loaded 720 customers (2 pages)\n',
    ]);
  });

  it('still reports a multi-page listing that finished between two updates', () => {
    const { written, stream } = fakeStream(false);
    reportProgress('customers', stream)({ loaded: 2500, pages: 5, done: true });
    expect(written).toEqual(['Loaded 2500 customers (5 pages)\n']);
  });

  it('rewrites one line on a terminal and ends it when done', () => {
    const { written, stream } = fakeStream(true);
    const progress = reportProgress('customers', stream);
    progress({ loaded: 500, pages: 1, done: false });
    progress({ loaded: 720, pages: 2, done: true });
    expect(written).toEqual([
      '\rLoading… 500 customers (1 page)',
      '\rLoaded 720 customers (2 pages)\n',
    ]);
  });
});
