import { recordCsvExport } from '@/lib/activity/export-activity';
import { Option, type Command } from 'commander';
import { accessCsvStream } from '@/lib/access/access-csv';
import { ACCESS_FILTERS, accessQuerySchema, type AccessFilter } from '@/lib/access/access-query';
import type { AccessRow } from '@/lib/access/access-row';
import { getAccessRepository } from '@/lib/access/get-access-repository';
import { readAllRows } from '@/lib/access/read-all-rows';
import { getConfig } from '@/lib/config';
import { getRefreshTokenStore } from '@/lib/vault';
import { CliError } from '../cli-error';
import { EXIT } from '../exit-codes';
import { formatTable, type Column } from '../output/format-table';
import { writeJson, writeStdout, writeStreamToStdout } from '../output/write-stdout';
import { resolveTenant } from '../resolve-tenant';

const COLUMNS: ReadonlyArray<Column<AccessRow>> = [
  { header: 'CUSTOMER TENANT', value: (r) => r.customerTenantId },
  { header: 'NAME', value: (r) => r.name },
  { header: 'ACCESS', value: (r) => r.access },
  { header: 'GDAP ENDS', value: (r) => r.endDate?.slice(0, 10) },
  { header: 'GA', value: (r) => (r.globalAdmin ? 'yes' : '') },
  { header: 'CONSENT', value: (r) => r.consent },
  { header: 'LAST ERROR', value: (r) => r.lastError?.code },
];

export function registerAccessCommand(program: Command): void {
  program
    .command('access')
    .summary("every customer's access: GDAP, the app's consent, the last error")
    .description(
      "The access view's rows for one partner tenant, from the portal's database (the background " +
        "sync keeps them fresh): GDAP access, relationship end date, Global Administrator, the app's consent " +
        'and the last access error. Exit 1 when the sync reports a problem a person must fix.',
    )
    .requiredOption('--tenant <id|domain>', 'the partner tenant: its id, or a verified domain')
    .addOption(
      // Checked in the action, not with commander's choices(), so a bad value is refused with
      // the console's own [invalid_usage] line like every other argument.
      new Option(
        '--state <filter>',
        `only rows in this state (the access view filters): ${ACCESS_FILTERS.join(', ')}`,
      ).default('all'),
    )
    .addOption(new Option('--json', 'print JSON (an array of rows)').conflicts('csv'))
    .addOption(new Option('--csv', "print the access view's CSV export").conflicts('json'))
    .action(
      async (opts: { tenant: string; state: AccessFilter; json?: boolean; csv?: boolean }) => {
        if (!(ACCESS_FILTERS as readonly string[]).includes(opts.state))
          throw new CliError(
            'invalid_usage',
            'Unknown --state.',
            `Use one of: ${ACCESS_FILTERS.join(', ')}.`,
          );
        const tenantId = await resolveTenant(opts.tenant);
        if (!(await getRefreshTokenStore().get(tenantId)))
          throw new CliError(
            'connection_not_found',
            'This partner tenant is not connected.',
            'Connect it in the portal first; its access sync starts on its own.',
          );
        const repo = getAccessRepository();
        const query = accessQuerySchema.parse({ filter: opts.state, sort: 'name' });
        const pages = readAllRows(
          repo,
          tenantId,
          query,
          new Date(),
          getConfig().ACCESS_EXPIRY_WARNING_DAYS,
        );
        const sync = await repo.readSyncState(tenantId);
        if (!sync)
          throw new CliError(
            'connection_not_found',
            'No access data for this tenant yet.',
            'Connect the tenant in the portal; its access sync starts on its own (every 30 minutes).',
          );
        if (opts.csv) {
          await recordCsvExport('console', tenantId);
          await writeStreamToStdout(await accessCsvStream(pages));
        } else {
          const rows: AccessRow[] = [];
          for await (const page of pages) rows.push(...page);
          if (opts.json) writeJson(rows);
          else {
            if (rows.length) writeStdout(formatTable(COLUMNS, rows));
            process.stderr.write(
              `${rows.length} ${rows.length === 1 ? 'customer' : 'customers'}; last full pass ${sync.lastFullPassAt ?? 'not yet'}\n`,
            );
          }
        }
        if (sync.error) {
          process.stderr.write(`${sync.error.code}: ${sync.error.title}\n  ${sync.error.fix}\n`);
          process.exitCode = EXIT.needsHuman;
        }
      },
    );
}
