import type { Command } from 'commander';
import type { OrganizationProfile } from '@/lib/partner-center';
import { formatAddress } from '../output/format-address';
import { formatFields } from '../output/format-table';
import { writeJson, writeStdout } from '../output/write-stdout';
import { withPartnerCenter } from '../with-partner-center';

export function registerProfileCommand(program: Command): void {
  program
    .command('profile')
    .summary("the partner's organization profile (the Java CSP sample's call)")
    .description(
      "The partner's organization profile from Partner Center (GET /v1/profiles/organization), " +
        "the one call Microsoft's Java CSP sample makes, here on the stored connection.",
    )
    .requiredOption(
      '--tenant <id|domain>',
      'the partner tenant: its id, or a verified domain such as contoso.onmicrosoft.com',
    )
    .option('--json', 'print the profile as JSON')
    .action(async (opts: { tenant: string; json?: boolean }) => {
      const profile = await withPartnerCenter(opts.tenant, ({ client }) =>
        client.getOrganizationProfile(),
      );
      if (opts.json) writeJson(profile);
      else writeStdout(formatProfile(profile));
    });
}

function formatProfile(p: OrganizationProfile): string {
  return formatFields([
    ['Company', p.companyName],
    ['Tenant id', p.tenantId],
    ['Domain', p.domain],
    ['Email', p.email],
    ['Address', formatAddress(p.address)],
    ['Profile id', p.id],
  ]);
}
