import { Option, type Command } from 'commander';
import type { CustomerSummary } from '@/lib/partner-center';
import { formatCsv } from '../output/format-csv';
import { formatTable, type Column } from '../output/format-table';
import { reportProgress } from '../output/report-progress';
import { writeJson, writeStdout } from '../output/write-stdout';
import { withPartnerCenter } from '../with-partner-center';
import { listCustomers } from '../list-customers';

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
    .description("The partner's full Partner Center customer list, every page of it. Progress goes to stderr, data to stdout.")
    .requiredOption('--tenant <id|domain>', 'the partner tenant: its id, or a verified domain such as contoso.onmicrosoft.com')
    .option('--search <text>', 'only customers whose company name or domain starts with <text> (case-insensitive)')
    .addOption(new Option('--json', 'print JSON (an array of customers)').conflicts('csv'))
    .addOption(new Option('--csv', 'print CSV: Microsoft ID, company name, primary domain, relationship').conflicts('json'))
    .action(async (opts: { tenant: string; search?: string; json?: boolean; csv?: boolean }) => {
      const customers = await withPartnerCenter(opts.tenant, ({ client }) =>
        listCustomers(client, { search: opts.search, onProgress: reportProgress('customers') }),
      );
      if (opts.json) return writeJson(customers);
      if (opts.csv) {
        return writeStdout(formatCsv(['Microsoft ID', 'Company name', 'Primary domain', 'Relationship'], customers.map((c) => [c.id, c.companyName, c.domain, c.relationship])));
      }
      if (customers.length > 0) writeStdout(formatTable(COLUMNS, customers));
      process.stderr.write(`${customers.length} ${customers.length === 1 ? 'customer' : 'customers'}${opts.search ? ` matching "${opts.search}"` : ''}\n`);
    });
}
