import { Option, type Command } from 'commander';
import { recordCsvExport } from '@/lib/activity/export-activity';
import { DEFAULT_QUERY } from '@/lib/customers/customer-query';
import { queryCustomers } from '@/lib/customers/query-customers';
import { streamCustomersCsv } from '@/lib/customers/stream-customers-csv';
import type { CustomerSummary } from '@/lib/partner-center';
import { loadCustomerList } from '../load-customer-list';
import { formatTable, type Column } from '../output/format-table';
import { reportProgress } from '../output/report-progress';
import { writeJson, writeStdout, writeStreamToStdout } from '../output/write-stdout';
import { resolveTenant } from '../resolve-tenant';

const COLUMNS: ReadonlyArray<Column<CustomerSummary>> = [
  { header: 'MICROSOFT ID', value: (c) => c.id },
  { header: 'COMPANY', value: (c) => c.companyName },
  { header: 'DOMAIN', value: (c) => c.domain },
  { header: 'RELATIONSHIP', value: (c) => c.relationship },
];

export function registerCustomersCommand(program: Command): void {
  program
    .command('customers')
    .summary('the full customer list, as a table, JSON or CSV')
    .description(
      "The partner's full Partner Center customer list, every page of it, sorted by company name. " +
        "Progress goes to stderr, data to stdout. The search matches as the dashboard's does.",
    )
    .requiredOption(
      '--tenant <id|domain>',
      'the partner tenant: its id, or a verified domain such as contoso.onmicrosoft.com',
    )
    .option(
      '--search <text>',
      'only customers whose company name or domain contains <text> (case-insensitive)',
    )
    .addOption(new Option('--json', 'print JSON (an array of customers)').conflicts('csv'))
    .addOption(
      new Option(
        '--csv',
        "print the dashboard's CSV export: Microsoft ID, company name, primary domain, relationship (UTF-8 with BOM)",
      ).conflicts('json'),
    )
    .action(async (opts: { tenant: string; search?: string; json?: boolean; csv?: boolean }) => {
      const tenantId = await resolveTenant(opts.tenant);
      const entry = await loadCustomerList(tenantId, reportProgress('customers'));
      const search = opts.search?.trim() ?? '';
      const { items } = queryCustomers(entry, {
        ...DEFAULT_QUERY,
        q: search,
        pageSize: Math.max(1, entry.items.length),
      });
      if (opts.json) return writeJson(items);
      if (opts.csv) {
        await recordCsvExport('console', tenantId);
        return writeStreamToStdout(streamCustomersCsv(items));
      }
      if (items.length > 0) writeStdout(formatTable(COLUMNS, items));
      process.stderr.write(
        `${items.length} ${items.length === 1 ? 'customer' : 'customers'}${search ? ` matching "${search}"` : ''}\n`,
      );
    });
}
