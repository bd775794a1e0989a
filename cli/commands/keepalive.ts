import type { TenantId } from '@/lib/ids/tenant-id';
import { Option, type Command } from 'commander';
import type { Advice } from '@/lib/entra/aadsts-advice';
import type {
  KeepaliveOutcome,
  KeepaliveResult as LibKeepaliveResult,
} from '@/lib/keepalive/keep-alive-connection';
import { runKeepalive } from '@/lib/keepalive/run-keepalive';
import { getRefreshTokenStore } from '@/lib/vault';
import { EXIT } from '../exit-codes';
import { describeError } from '../handle-error';
import { shortDate } from '../output/format-date';
import { writeJson, writeStdout } from '../output/write-stdout';
import { resolveTenant } from '../resolve-tenant';

type Outcome = KeepaliveOutcome;

interface KeepaliveResult {
  tenantId: TenantId;
  orgName?: string;
  outcome: Outcome;
  /** When the newest refresh token was written back. */
  rotatedAt?: string;
  /** Days before the 90-day inactivity limit, counted from this redemption. */
  daysLeft?: number;
  code?: string;
  message?: string;
  details?: string[];
}

const LABEL: Record<Outcome, string> = { ok: 'ok', needs_human: 'NEEDS HUMAN', failed: 'FAILED' };

export function registerKeepaliveCommand(program: Command): void {
  program
    .command('keepalive')
    .summary('redeem and rotate stored refresh tokens (for cron)')
    .description(
      "Redeems every stored refresh token (or one tenant's) and writes the newest one back to Key Vault as a new version, " +
        'so no connection reaches the 90-day inactivity limit. Prints one result line per tenant. Run it daily from cron or ' +
        'an Azure Functions timer; it is safe to run while the portal is running (Entra keeps earlier refresh tokens valid).',
    )
    .addOption(new Option('--tenant <id|domain>', 'only this partner tenant').conflicts('all'))
    .addOption(
      new Option('--all', 'every connected partner tenant (the default)').conflicts('tenant'),
    )
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 every connection is healthy; 1 some need a person (advice printed); 2 configuration or infrastructure failure.',
    )
    .action(async (opts: { tenant?: string; all?: boolean; json?: boolean }) => {
      const connections = await getRefreshTokenStore().list();
      const orgNames = new Map(connections.map((c) => [c.tenantId, c.tags.orgName]));
      const tenantIds = opts.tenant
        ? [await resolveTenant(opts.tenant)]
        : connections.map((c) => c.tenantId);
      if (tenantIds.length === 0) process.stderr.write('No connections to keep alive.\n');

      // Lines are printed as each tenant finishes; the names known up front set the column width.
      const nameWidth = Math.max(1, ...tenantIds.map((id) => (orgNames.get(id) ?? '-').length));
      const results: KeepaliveResult[] = [];
      // lib/keepalive runs them one at a time (polite to Entra and Key Vault, and the output
      // reads in order) and records each result, as the portal's keep-alive job does.
      await runKeepalive({
        trigger: 'console',
        tenantIds,
        onResult: (r) => {
          const result = describeResult(r);
          result.orgName ??= orgNames.get(r.tenantId);
          results.push(result);
          if (!opts.json) writeStdout(formatResult(result, nameWidth));
        },
      });
      if (opts.json) writeJson(results);
      else if (results.length > 0) writeStdout(formatSummary(results));
      process.exitCode = exitCodeFor(results);
    });
}

/** One tenant's lib/keepalive result, described for a terminal: the advice's title, or the error's safe message, and the fix. */
function describeResult(r: LibKeepaliveResult): KeepaliveResult {
  const base = { tenantId: r.tenantId, orgName: r.orgName, outcome: r.outcome };
  if (r.outcome === 'ok') return { ...base, rotatedAt: r.rotatedAt, daysLeft: r.daysLeft };
  if (r.error === undefined && r.health?.advice) {
    // Redeemed fine, but health still wants a person: the token was minted without MFA.
    const advice = r.health.advice;
    return { ...base, code: advice.code, message: advice.title, details: [`Fix: ${advice.fix}`] };
  }
  const report = describeError(r.error);
  // The line already names the tenant: the advice's title says the rest.
  const message = (r.error as { advice?: Advice } | undefined)?.advice?.title ?? report.message;
  return { ...base, code: report.code, message, details: report.details };
}

function formatResult(r: KeepaliveResult, nameWidth: number): string {
  const head = `${LABEL[r.outcome].padEnd(11)}  ${r.tenantId}  ${(r.orgName ?? '-').padEnd(nameWidth)}`;
  if (r.outcome === 'ok')
    return `${head}  rotated ${shortDate(r.rotatedAt)}, ${r.daysLeft} days left\n`;
  return (
    [
      `${head}  [${r.code}] ${r.message}`,
      ...(r.details ?? []).map((d) => `             ${d}`),
    ].join('\n') + '\n'
  );
}

function formatSummary(results: KeepaliveResult[]): string {
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  return `\n${results.length} checked: ${count('ok')} ok, ${count('needs_human')} need a person, ${count('failed')} failed\n`;
}

/** 2 wins over 1: an infrastructure failure means some connections were not checked at all. */
function exitCodeFor(results: KeepaliveResult[]): number {
  if (results.some((r) => r.outcome === 'failed')) return EXIT.infrastructure;
  if (results.some((r) => r.outcome === 'needs_human')) return EXIT.needsHuman;
  return EXIT.ok;
}
