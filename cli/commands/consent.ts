import type { Command } from 'commander';
import { recordConsentActivity } from '@/lib/access/consent-activity';
import { grantCustomerConsent } from '@/lib/access/consent-grant';
import { getAccessRepository } from '@/lib/access/get-access-repository';
import { isAppError } from '@/lib/errors/app-error';
import { parseTenantId } from '@/lib/ids/tenant-id';
import { getRefreshTokenStore } from '@/lib/vault';
import { CliError } from '../cli-error';
import { EXIT } from '../exit-codes';
import { resolveTenant } from '../resolve-tenant';

export function registerConsentCommand(program: Command): void {
  const consent = program
    .command('consent')
    .summary("the portal app's consent in customer tenants (the CPV step)");
  consent
    .command('grant')
    .summary("grant the app's consent to one customer, or to every GDAP customer missing it")
    .description(
      "Consents the portal's app in customer tenants through Partner Center (applicationconsents), with the " +
        "connected account's GDAP rights and the scopes in ACCESS_CONSENT_GRAPH_SCOPES. An existing consent " +
        '(409) counts as done. One result line per customer; exit 1 when any failed.',
    )
    .requiredOption('--tenant <id|domain>', 'the partner tenant: its id, or a verified domain')
    .option('--customer <id>', 'one customer tenant id')
    .option(
      '--all-missing',
      'every GDAP customer whose consent is missing or partial (from the access sync)',
    )
    .action(async (opts: { tenant: string; customer?: string; allMissing?: boolean }) => {
      if (Boolean(opts.customer) === Boolean(opts.allMissing))
        throw new CliError(
          'invalid_usage',
          'Give exactly one of --customer <id> and --all-missing.',
        );
      // Parsed here, where it enters: from now on a TenantId.
      const customer = opts.customer === undefined ? undefined : parseTenantId(opts.customer);
      if (opts.customer !== undefined && !customer)
        throw new CliError('invalid_customer_id', 'The customer id must be a tenant id (GUID).');
      const tenantId = await resolveTenant(opts.tenant);
      const record = await getRefreshTokenStore().get(tenantId);
      if (!record)
        throw new CliError(
          'connection_not_found',
          'This partner tenant is not connected.',
          'Connect it in the portal first.',
        );
      const via = record.tags.connectedByUpn;
      const customers = customer
        ? [customer]
        : await getAccessRepository().listNotConsented(tenantId);
      let failed = 0;
      for (const id of customers) {
        try {
          const outcome = await grantCustomerConsent(tenantId, id);
          await recordConsentActivity({
            kind: 'consent_grant',
            result: 'success',
            user: null,
            partner: tenantId,
            customer: id,
            via,
          });
          if (!opts.customer) await getAccessRepository().markDue(tenantId, id);
          process.stdout.write(
            `${id}  ${outcome === 'exists' ? 'already consented' : 'granted'}\n`,
          );
        } catch (e) {
          failed++;
          await recordConsentActivity({
            kind: 'consent_grant',
            result: 'failed',
            user: null,
            partner: tenantId,
            customer: id,
            via,
            error: e,
          });
          process.stdout.write(`${id}  failed [${isAppError(e) ? e.code : 'unexpected_error'}]\n`);
        }
      }
      process.stderr.write(`${customers.length - failed} of ${customers.length} consented\n`);
      if (failed) process.exitCode = EXIT.needsHuman;
    });
}
