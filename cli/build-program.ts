import { Command } from 'commander';
import { registerAccessCommand } from './commands/access';
import { registerActivityCommand } from './commands/activity';
import { registerConnectionsCommand } from './commands/connections';
import { registerConsentCommand } from './commands/consent';
import { registerCustomerCommand } from './commands/customer';
import { registerCustomersCommand } from './commands/customers';
import { registerKeepaliveCommand } from './commands/keepalive';
import { registerProfileCommand } from './commands/profile';
import { EXIT_CODES_HELP } from './exit-codes';

const EXAMPLES = `
Examples:
  csp connections
  csp profile --tenant contoso.onmicrosoft.com
  csp customers --tenant contoso.onmicrosoft.com --search fab --csv > customers.csv
  csp customer 0b5f6a7e-1c2d-4e3f-8a9b-0c1d2e3f4a5b --tenant contoso.onmicrosoft.com
  csp keepalive --all
  csp access --tenant contoso.onmicrosoft.com --state not-consented --csv > missing.csv
  csp consent grant --tenant contoso.onmicrosoft.com --all-missing
  csp --settings /etc/partner-portal.env keepalive`;

/**
 * The `csp` program. Settings made here before the commands are registered (exitOverride, help
 * after errors) are inherited by every command, which `.command()` copies.
 */
export function buildProgram(): Command {
  const program = new Command('csp')
    .description(
      "The CSP console: uses the partner refresh tokens the portal stores in Key Vault (Microsoft's Secure Application Model) " +
        'to call Partner Center, and keeps every connection alive. It reads the same configuration as the portal.',
    )
    .option(
      '--settings <file>',
      'read settings (KEY=value lines) from this file first, then .env files as the portal does; variables already set win',
    )
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .helpCommand(true)
    .addHelpText('after', `${EXIT_CODES_HELP}\n${EXAMPLES}`);

  registerConnectionsCommand(program);
  registerProfileCommand(program);
  registerCustomersCommand(program);
  registerCustomerCommand(program);
  registerKeepaliveCommand(program);
  registerAccessCommand(program);
  registerConsentCommand(program);
  registerActivityCommand(program);
  return program;
}
