import type { Command } from 'commander';
import type { ConnectionHealth } from '@/lib/connections/connection-health';
import { listAllConnectionHealth } from '@/lib/connections/list-all-connection-health';
import { shortDate } from '../output/format-date';
import { formatTable, type Column } from '../output/format-table';
import { writeJson, writeStdout } from '../output/write-stdout';

const COLUMNS: ReadonlyArray<Column<ConnectionHealth>> = [
  { header: 'TENANT', value: (h) => h.tenantId },
  { header: 'ORGANIZATION', value: (h) => h.orgName },
  { header: 'STATUS', value: (h) => h.status },
  { header: 'MFA', value: (h) => h.mfa },
  { header: 'DAYS LEFT', value: (h) => h.daysLeft, align: 'right' },
  { header: 'CONNECTED BY', value: (h) => h.connectedBy.upn },
  { header: 'CONNECTED', value: (h) => shortDate(h.connectedAt) },
  { header: 'LAST ROTATION', value: (h) => shortDate(h.rotatedAt) },
  { header: 'LAST ERROR', value: (h) => h.lastError?.code },
];

export function registerConnectionsCommand(program: Command): void {
  program
    .command('connections')
    .summary("every connection's health (status, MFA, days left, last error)")
    .description(
      "Every connected partner tenant's health, as the portal's health page shows it: status, MFA, who connected it, " +
        'last rotation, days left before the 90-day inactivity limit, and the last error with its fix. ' +
        'Reads Key Vault tags only, never a token.',
    )
    .option('--json', 'print the health records as JSON')
    .action(async (opts: { json?: boolean }) => {
      const health = await listAllConnectionHealth();
      if (opts.json) return writeJson(health);
      if (health.length === 0) {
        process.stderr.write(
          "No connections. A partner admin connects a tenant from the portal's Connections page.\n",
        );
        return;
      }
      writeStdout(formatTable(COLUMNS, health));
      const attention = health.filter((h) => h.advice);
      if (attention.length > 0) writeStdout(`\n${attention.map(formatAdvice).join('\n')}`);
    });
}

function formatAdvice(h: ConnectionHealth): string {
  const advice = h.advice;
  if (!advice) return '';
  return `${h.tenantId} (${h.orgName ?? 'unknown organization'}) is ${h.status}: ${advice.title} [${advice.code}]\n  Fix: ${advice.fix}\n`;
}
