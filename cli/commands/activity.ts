import { Option, type Command } from 'commander';
import { ACTIVITY_KINDS, ACTIVITY_RESULTS } from '@/lib/activity/activity-event';
import { activityQuerySchema } from '@/lib/activity/activity-query';
import { consoleActivityScope } from '@/lib/activity/activity-scope';
import { activityCsvAfterFirstBatch } from '@/lib/activity/export-activity-csv';
import {
  listActivityInScope,
  readAllActivityInScope,
  type ActivityEntry,
} from '@/lib/activity/list-activity';
import { CliError } from '../cli-error';
import { formatTable, type Column } from '../output/format-table';
import { writeJson, writeStdout, writeStreamToStdout } from '../output/write-stdout';
import { resolveTenant } from '../resolve-tenant';

const COLUMNS: ReadonlyArray<Column<ActivityEntry>> = [
  { header: 'TIME (UTC)', value: (e) => e.at.replace('T', ' ').slice(0, 19) },
  { header: 'KIND', value: (e) => e.kind },
  { header: 'RESULT', value: (e) => e.result },
  { header: 'PARTNER TENANT', value: (e) => e.partnerTenantId ?? '' },
  { header: 'BY', value: (e) => e.actor.upn ?? e.actor.type },
  { header: 'ERROR', value: (e) => e.errorCode ?? '' },
  { header: 'CORRELATION ID', value: (e) => e.correlationId ?? '' },
];

export function registerActivityCommand(program: Command): void {
  program
    .command('activity')
    .summary('the activity log: who connected, rotated, checked, disconnected, exported')
    .description(
      "The portal's activity log, newest first: every event that changed or tested a connection. " +
        'Without --tenant: partner-level rows of every tenant (as an operator sees them); with it: ' +
        "that partner's rows, customer-level ones (CSV exports, consent grants) included. " +
        'The table shows the newest page; --json and --csv print every matching row.',
    )
    .option('--tenant <id|domain>', 'only this partner tenant: its id, or a verified domain')
    .option('--kind <kind>', `only this kind: ${ACTIVITY_KINDS.join(', ')}`)
    .option('--result <result>', `only this result: ${ACTIVITY_RESULTS.join(', ')}`)
    .addOption(new Option('--json', 'print JSON (an array of rows)').conflicts('csv'))
    .addOption(new Option('--csv', 'print CSV, as the Activity page exports it').conflicts('json'))
    .action(
      async (opts: {
        tenant?: string;
        kind?: string;
        result?: string;
        json?: boolean;
        csv?: boolean;
      }) => {
        // Checked here, not with commander's choices(), so a bad value gets the console's own
        // [invalid_usage] line like every other argument.
        if (opts.kind !== undefined && !(ACTIVITY_KINDS as readonly string[]).includes(opts.kind))
          throw new CliError(
            'invalid_usage',
            'Unknown --kind.',
            `Use one of: ${ACTIVITY_KINDS.join(', ')}.`,
          );
        if (
          opts.result !== undefined &&
          !(ACTIVITY_RESULTS as readonly string[]).includes(opts.result)
        )
          throw new CliError(
            'invalid_usage',
            'Unknown --result.',
            `Use one of: ${ACTIVITY_RESULTS.join(', ')}.`,
          );
        const tenantId = opts.tenant === undefined ? undefined : await resolveTenant(opts.tenant);
        const scope = consoleActivityScope(tenantId);
        const query = activityQuerySchema.parse({ kind: opts.kind, result: opts.result, page: 1 });
        if (opts.csv)
          return writeStreamToStdout(
            await activityCsvAfterFirstBatch(readAllActivityInScope(scope, query)),
          );
        if (opts.json) {
          const rows: ActivityEntry[] = [];
          for await (const batch of readAllActivityInScope(scope, query)) rows.push(...batch);
          return writeJson(rows);
        }
        const page = await listActivityInScope(scope, query);
        if (page.rows.length > 0) writeStdout(formatTable(COLUMNS, page.rows));
        const total = `${page.total}${page.totalCapped ? '+' : ''}`;
        process.stderr.write(
          `${total} ${page.total === 1 ? 'event' : 'events'}` +
            (page.total > page.rows.length
              ? `; the newest ${page.rows.length} shown (--json or --csv for all)\n`
              : '\n'),
        );
      },
    );
}
