import type { Command } from 'commander';
import type { CustomerDetail, Subscription } from '@/lib/partner-center';
import { isGuid } from '@/lib/ids/guid';
import { CliError } from '../cli-error';
import { formatAddress } from '../output/format-address';
import { shortDate } from '../output/format-date';
import { formatFields, formatTable, type Column } from '../output/format-table';
import { writeJson, writeStdout } from '../output/write-stdout';
import { withPartnerCenter } from '../with-partner-center';

const SUBSCRIPTION_COLUMNS: ReadonlyArray<Column<Subscription>> = [
  { header: 'SUBSCRIPTION', value: (s) => s.id },
  { header: 'OFFER', value: (s) => s.offerName ?? s.friendlyName ?? s.offerId },
  { header: 'QTY', value: (s) => s.quantity, align: 'right' },
  { header: 'STATUS', value: (s) => s.status },
  { header: 'BILLING', value: (s) => s.billingCycle },
  { header: 'TERM', value: (s) => s.termDuration },
  {
    header: 'AUTO-RENEW',
    value: (s) =>
      s.autoRenewEnabled === undefined ? undefined : s.autoRenewEnabled ? 'yes' : 'no',
  },
  {
    header: 'TRIAL',
    value: (s) => (s.isTrial === undefined ? undefined : s.isTrial ? 'yes' : 'no'),
  },
  { header: 'CREATED', value: (s) => shortDate(s.creationDate)?.slice(0, 10) },
  { header: 'COMMITMENT ENDS', value: (s) => shortDate(s.commitmentEndDate)?.slice(0, 10) },
];

export function registerCustomerCommand(program: Command): void {
  program
    .command('customer')
    .summary("one customer's details and subscriptions")
    .description(
      'One customer of the partner: company profile, billing contact and address, delegated access, and subscriptions.',
    )
    .argument(
      '<customer-id>',
      "the customer's Microsoft ID (its tenant id, a GUID), as `csp customers` lists it",
    )
    .requiredOption(
      '--tenant <id|domain>',
      'the partner tenant: its id, or a verified domain such as contoso.onmicrosoft.com',
    )
    .option('--json', 'print { customer, subscriptions } as JSON')
    .action(async (customerId: string, opts: { tenant: string; json?: boolean }) => {
      if (!isGuid(customerId.trim())) {
        throw new CliError(
          'invalid_customer_id',
          "The customer id must be a GUID (the customer's Microsoft ID).",
          'List the ids with: csp customers --tenant <partner>',
        );
      }
      const id = customerId.trim().toLowerCase();
      const { customer, subscriptions } = await withPartnerCenter(
        opts.tenant,
        async ({ client }) => {
          // One after the other: both routes are throttled per partner, and a 404 should not race a second call.
          const detail = await client.getCustomer(id);
          return { customer: detail, subscriptions: await client.getCustomerSubscriptions(id) };
        },
      );
      if (opts.json) return writeJson({ customer, subscriptions });
      writeStdout(formatCustomer(customer));
      writeStdout(`\nSubscriptions (${subscriptions.length})\n`);
      if (subscriptions.length > 0) writeStdout(formatTable(SUBSCRIPTION_COLUMNS, subscriptions));
    });
}

function formatCustomer(c: CustomerDetail): string {
  const b = c.billing;
  const contact = [b?.firstName, b?.lastName].filter(Boolean).join(' ');
  return formatFields([
    ['Company', c.companyName],
    ['Microsoft ID', c.id],
    ['Primary domain', c.domain],
    ['Relationship', c.relationship],
    ['Delegated access', c.allowDelegatedAccess],
    ['Email', c.email],
    ['Address', formatAddress(c.companyAddress)],
    ['Custom domains', c.customDomains.join(', ')],
    ['Billing contact', [contact, b?.email ? `<${b.email}>` : ''].filter(Boolean).join(' ')],
    ['Billing company', b?.companyName],
    ['Billing address', formatAddress(b?.address)],
    ['Language', [b?.culture, b?.language].filter(Boolean).join(' / ')],
    ['Commerce id', c.commerceId],
    ['Indirect reseller', c.associatedPartnerId],
  ]);
}
