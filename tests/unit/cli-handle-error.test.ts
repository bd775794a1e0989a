import { CommanderError } from 'commander';
import { CliError } from '@/cli/cli-error';
import { describeError, formatErrorReport } from '@/cli/handle-error';
import { ConfigError } from '@/lib/config/load-config';
import { adviceFor, unreachableAdvice } from '@/lib/entra/aadsts-advice';
import { EntraError } from '@/lib/entra/entra-error';
import { PartnerCenterError } from '@/lib/partner-center/partner-center-error';
import { ConnectionError } from '@/lib/tokens/connection-error';
import { VaultError } from '@/lib/vault/vault-error';

const TENANT = '385ecd4d-9b53-42c5-afa6-4fd1d0685c2e';
const ids = { requestId: 'r-1', correlationId: 'c-1' };

describe('describeError: exit codes', () => {
  it.each([
    ['invalid configuration', 2, 'config_invalid', new ConfigError(['KEY_VAULT_URL: is not set'])],
    ['a malformed tenant', 64, 'invalid_tenant', new CliError('invalid_tenant', 'bad')],
    [
      'a malformed customer id',
      64,
      'invalid_customer_id',
      new CliError('invalid_customer_id', 'bad'),
    ],
    ['an unknown domain', 1, 'tenant_not_found', new CliError('tenant_not_found', 'none')],
    ['no connection', 1, 'connection_missing', new ConnectionError('connection_missing', TENANT)],
    [
      'a dead grant',
      1,
      'AADSTS700082',
      new ConnectionError('connection_needs_reconnect', TENANT, adviceFor(700082)),
    ],
    [
      'a revoked grant straight from Entra',
      1,
      'AADSTS50173',
      new EntraError({ aadsts: 50173, error: 'invalid_grant' }),
    ],
    [
      'a wrong client secret',
      2,
      'AADSTS7000215',
      new EntraError({ aadsts: 7000215, error: 'invalid_client' }),
    ],
    [
      'Entra unreachable',
      2,
      'entra_unreachable',
      new EntraError({ error: 'network_error', advice: unreachableAdvice() }),
    ],
    ['Key Vault forbidden', 2, 'vault_forbidden', new VaultError('vault_forbidden')],
    ['Key Vault unreachable', 2, 'vault_unreachable', new VaultError('vault_unreachable')],
    [
      'a tenant id Key Vault cannot name',
      64,
      'vault_invalid_name',
      new VaultError('vault_invalid_name'),
    ],
    [
      'a customer Partner Center does not know',
      1,
      'partner_center_not_found',
      new PartnerCenterError('partner_center_not_found', { upstreamStatus: 404, ...ids }),
    ],
    [
      'a customer of another partner',
      1,
      'partner_center_forbidden',
      new PartnerCenterError('partner_center_forbidden', { upstreamStatus: 403, ...ids }),
    ],
    [
      'Partner Center refusing the token',
      1,
      'partner_center_unauthorized',
      new PartnerCenterError('partner_center_unauthorized', { upstreamStatus: 401, ...ids }),
    ],
    [
      'Partner Center down',
      2,
      'partner_center_unavailable',
      new PartnerCenterError('partner_center_unavailable', { upstreamStatus: 503, ...ids }),
    ],
    [
      'Partner Center throttling',
      2,
      'partner_center_throttled',
      new PartnerCenterError('partner_center_throttled', { upstreamStatus: 429, ...ids }),
    ],
    [
      'an unknown option',
      64,
      'invalid_usage',
      new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"),
    ],
    [
      '--help',
      0,
      'invalid_usage',
      new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'),
    ],
    ['anything else', 2, 'unexpected', new TypeError('boom')],
  ])('%s → exit %i (%s)', (_name, exitCode, code, error) => {
    const report = describeError(error);
    expect(report.exitCode).toBe(exitCode);
    expect(report.code).toBe(code);
  });
});

describe('describeError: messages', () => {
  it('names the tenant that has no connection and says how to connect it', () => {
    const text = formatErrorReport(
      describeError(new ConnectionError('connection_missing', TENANT)),
    );
    expect(text).toContain(
      `error [connection_missing]: No connection is stored for tenant ${TENANT}.`,
    );
    expect(text).toMatch(/Connections page/);
  });

  it('prints the AADSTS advice, cause and fix, for a connection that needs a reconnect', () => {
    const text = formatErrorReport(
      describeError(new ConnectionError('connection_needs_reconnect', TENANT, adviceFor(700082))),
    );
    expect(text).toContain('error [AADSTS700082]');
    expect(text).toContain(adviceFor(700082).title);
    expect(text).toContain(`Cause: ${adviceFor(700082).cause}`);
    expect(text).toContain(`Fix: ${adviceFor(700082).fix}`);
  });

  it("gives Partner Center's ids for support, never its description", () => {
    const e = new PartnerCenterError('partner_center_forbidden', {
      upstreamStatus: 403,
      partnerCenterCode: '20002',
      description: 'partner 1234 has no relationship with 5678',
      ...ids,
    });
    const text = formatErrorReport(describeError(e));
    expect(text).toContain('Partner Center answered 403 (code 20002).');
    expect(text).toContain('MS-CorrelationId c-1, MS-RequestId r-1');
    expect(text).not.toContain('5678');
  });

  it('tells how to fix a Key Vault role problem', () => {
    expect(formatErrorReport(describeError(new VaultError('vault_forbidden')))).toMatch(
      /Key Vault Secrets Officer/,
    );
  });

  it('scrubs token-shaped text out of unexpected errors', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4eHh4eHh4eCJ9.c2lnbmF0dXJlc2lnbmF0dXJl';
    const text = formatErrorReport(
      describeError(new Error(`failed with refresh_token=0.AAAAsecretsecret and ${jwt}`)),
    );
    expect(text).not.toContain(jwt);
    expect(text).not.toContain('0.AAAAsecretsecret');
    expect(text).toContain('[REDACTED]');
  });
});
