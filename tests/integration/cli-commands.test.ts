import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededTenants } from '../support/manifest';
import { JWT_SHAPE, startCliCloud, type CliCloud } from './cli-harness';

jest.setTimeout(180_000);

/**
 * Every console command against a private local cloud with partner A connected through the
 * portal's real connect flow: output formats, exit codes, and what never reaches the terminal.
 */
describe('csp commands against the local cloud', () => {
  let cloud: CliCloud;
  let partnerA: ReturnType<typeof seededTenants>['partnerA'];
  let partnerB: ReturnType<typeof seededTenants>['partnerB'];

  beforeAll(async () => {
    cloud = await startCliCloud();
    ({ partnerA, partnerB } = seededTenants(cloud.manifest));
    expect(await cloud.connect('partnerA')).toBe(partnerA.id);
  });
  afterAll(() => cloud?.stop());

  test('--help for the console and every command, exit 0', async () => {
    const top = await cloud.csp(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['connections', 'profile', 'customers', 'customer', 'keepalive'])
      expect(top.stdout).toContain(command);
    expect(top.stdout).toMatch(/Exit codes:/);
    for (const command of ['connections', 'profile', 'customers', 'customer', 'keepalive']) {
      const help = await cloud.csp([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: csp ${command}`);
    }
  });

  test('connections: a table with the connected tenant, healthy, MFA confirmed; --json parses', async () => {
    const table = await cloud.csp(['connections']);
    expect(table.code).toBe(0);
    const [header, row, ...rest] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^TENANT\s+ORGANIZATION\s+STATUS\s+MFA\s+DAYS LEFT/);
    expect(row).toContain(partnerA.id);
    expect(row).toContain(partnerA.name);
    expect(row).toMatch(/\bhealthy\s+confirmed\s+90\b/);
    expect(rest).toEqual([]);

    const json = await cloud.csp(['connections', '--json']);
    expect(json.code).toBe(0);
    const health = JSON.parse(json.stdout) as Array<{
      tenantId: string;
      status: string;
      mfa: string;
      daysLeft: number;
    }>;
    expect(health).toEqual([
      expect.objectContaining({
        tenantId: partnerA.id,
        status: 'healthy',
        mfa: 'confirmed',
        daysLeft: 90,
      }),
    ]);
  });

  test('profile by domain and by id: the organization profile; --json parses', async () => {
    const byDomain = await cloud.csp(['profile', '--tenant', partnerA.domain]);
    expect(byDomain.code).toBe(0);
    expect(byDomain.stdout).toMatch(new RegExp(`^Company\\s+${partnerA.name}$`, 'm'));
    expect(byDomain.stdout).toMatch(new RegExp(`^Tenant id\\s+${partnerA.id}$`, 'm'));

    const json = await cloud.csp(['profile', '--tenant', partnerA.id.toUpperCase(), '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      tenantId: partnerA.id,
      companyName: partnerA.name,
    });
  });

  test('customers --json: every customer of every page, progress on stderr only', async () => {
    const run = await cloud.csp(['customers', '--tenant', partnerA.domain, '--json']);
    expect(run.code).toBe(0);
    const customers = JSON.parse(run.stdout) as Array<{
      id: string;
      companyName: string;
      domain: string;
      relationship: string;
    }>;
    expect(customers).toHaveLength(2500);
    expect(new Set(customers.map((c) => c.id)).size).toBe(2500);
    expect(run.stderr).toMatch(/Loaded 2500 customers \(5 pages\)/);
    expect(run.stdout).not.toMatch(/Load/);
    const names = customers.map((c) => c.companyName);
    expect(names).toEqual(
      [...names].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare),
    );
  });

  test('customers --csv: a header and one line per customer; --search narrows the table', async () => {
    const csv = await cloud.csp(['customers', '--tenant', partnerA.id, '--csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Microsoft ID,Company name,Primary domain,Relationship');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(2501);
    expect(lines[1]).toMatch(/^[0-9a-f-]{36},.+,.+\.onmicrosoft\.com,(reseller|advisor)$/);

    const json = await cloud.csp(['customers', '--tenant', partnerA.id, '--json']);
    const all = JSON.parse(json.stdout) as Array<{ companyName: string; domain: string }>;
    const word = all[0]!.companyName.split(' ')[0]!.toLowerCase();
    const expected = all.filter((c) =>
      `${c.companyName}\n${c.domain}`.toLowerCase().includes(word),
    ).length;
    const table = await cloud.csp(['customers', '--tenant', partnerA.domain, '--search', word]);
    expect(table.code).toBe(0);
    const [header, ...rows] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^MICROSOFT ID\s+COMPANY\s+DOMAIN\s+RELATIONSHIP$/);
    expect(rows).toHaveLength(expected);
    expect(rows.every((r) => r.toLowerCase().includes(word))).toBe(true);
    expect(table.stderr).toContain(
      `${expected} customer${expected === 1 ? '' : 's'} matching "${word}"`,
    );
  });

  test('customer <id>: profile, billing, delegated access and subscriptions; --json parses', async () => {
    const list = JSON.parse(
      (await cloud.csp(['customers', '--tenant', partnerA.id, '--json'])).stdout,
    ) as Array<{ id: string; companyName: string }>;
    const target = list[7]!;
    const run = await cloud.csp(['customer', target.id, '--tenant', partnerA.domain]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^Company\\s+${target.companyName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'),
    );
    expect(run.stdout).toMatch(/^Delegated access\s+(yes|no)$/m);
    expect(run.stdout).toMatch(/^Subscriptions \(\d+\)$/m);

    const json = await cloud.csp([
      'customer',
      target.id.toUpperCase(),
      '--tenant',
      partnerA.id,
      '--json',
    ]);
    expect(json.code).toBe(0);
    const detail = JSON.parse(json.stdout) as {
      customer: { id: string };
      subscriptions: unknown[];
    };
    expect(detail.customer.id).toBe(target.id);
    expect(Array.isArray(detail.subscriptions)).toBe(true);
    const count = Number(/^Subscriptions \((\d+)\)$/m.exec(run.stdout)![1]);
    expect(detail.subscriptions).toHaveLength(count);
  });

  test('usage errors exit 64: malformed tenant, malformed customer id, unknown option, --json with --csv', async () => {
    const badTenant = await cloud.csp(['profile', '--tenant', 'not a tenant!']);
    expect(badTenant).toMatchObject({ code: 64, stdout: '' });
    expect(badTenant.stderr).toContain('error [invalid_tenant]');

    const badCustomer = await cloud.csp([
      'customer',
      '../../v1/customers',
      '--tenant',
      partnerA.id,
    ]);
    expect(badCustomer).toMatchObject({ code: 64, stdout: '' });
    expect(badCustomer.stderr).toContain('error [invalid_customer_id]');

    expect((await cloud.csp(['customers', '--tenant', partnerA.id, '--frobnicate'])).code).toBe(64);
    expect((await cloud.csp(['customers', '--tenant', partnerA.id, '--json', '--csv'])).code).toBe(
      64,
    );
    expect((await cloud.csp(['profile'])).stderr).toMatch(
      /required option '--tenant <id\|domain>' not specified/,
    );
  });

  test('no connection for the tenant, or no such tenant: exit 1 with what to do', async () => {
    const notConnected = await cloud.csp(['customers', '--tenant', partnerB.domain]);
    expect(notConnected).toMatchObject({ code: 1, stdout: '' });
    expect(notConnected.stderr).toContain(
      `error [connection_missing]: No connection is stored for tenant ${partnerB.id}.`,
    );

    const unknownDomain = await cloud.csp([
      'profile',
      '--tenant',
      'no-such-partner.onmicrosoft.com',
    ]);
    expect(unknownDomain.code).toBe(1);
    expect(unknownDomain.stderr).toContain('error [tenant_not_found]');
  });

  test('a Partner Center error: an unknown customer exits 1, Partner Center down exits 2, with its correlation id', async () => {
    const unknown = await cloud.csp([
      'customer',
      '00000000-0000-4000-8000-000000000000',
      '--tenant',
      partnerA.id,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/error \[partner_center_(not_found|forbidden)\]/);
    expect(unknown.stderr).toMatch(/MS-CorrelationId [0-9a-f-]{36}/);

    await cloud.control.addFault({
      service: 'partner-center',
      route: 'GET /v1/profiles/organization',
      kind: 'status',
      status: 503,
      retryAfter: 0,
    });
    try {
      const down = await cloud.csp(['profile', '--tenant', partnerA.id]);
      expect(down).toMatchObject({ code: 2, stdout: '' });
      expect(down.stderr).toContain('error [partner_center_unavailable]');
      expect(down.stderr).toContain('Partner Center answered 503');
    } finally {
      await cloud.control.clearFaults();
    }
  });

  test('Key Vault forbidden: exit 2 with the role to grant', async () => {
    const principal = cloud.manifest.keyVault!.roleAssignments[0]!;
    await cloud.control.removeVaultRole(principal.principalId);
    try {
      for (const args of [['connections'], ['keepalive', '--all']]) {
        const run = await cloud.csp(args);
        expect({ args, code: run.code }).toEqual({ args, code: 2 });
        expect(run.stderr + run.stdout).toContain('vault_forbidden');
        expect(run.stderr + run.stdout).toContain('Key Vault Secrets Officer');
      }
      // A Partner Center call needs no Key Vault read while the fleet's shared (sealed) access
      // token from an earlier command is valid: one read per token lifetime, fleet-wide.
      const profile = await cloud.csp(['profile', '--tenant', partnerA.id]);
      expect(profile.code).toBe(0);
    } finally {
      await cloud.control.setVaultRole(principal.principalId, principal.role);
    }
    expect((await cloud.csp(['connections'])).code).toBe(0);
  });

  test('invalid configuration: exit 2 naming the variable', async () => {
    const run = await cloud.csp(['connections'], { KEY_VAULT_URL: 'not a url' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error [config_invalid]');
    expect(run.stderr).toContain('KEY_VAULT_URL');
  });

  test('--settings loads a settings file; logs go to stderr, never into the data on stdout', async () => {
    const settings = join(cloud.stateDir, 'cli-test.env');
    writeFileSync(settings, 'LOG_LEVEL=debug\n');
    const run = await cloud.csp([
      'profile',
      '--tenant',
      partnerA.id,
      '--json',
      '--settings',
      settings,
    ]);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stderr).toMatch(/"level":"(debug|info)"/);
  });

  test('never prints a token: neither the stored refresh token nor anything JWT-shaped, in any output above', async () => {
    const { value } = await cloud.readSecret(partnerA.id);
    expect(value.length).toBeGreaterThan(20);
    expect(cloud.outputs.length).toBeGreaterThan(20);
    for (const out of cloud.outputs) {
      expect(out).not.toContain(value);
      expect(out).not.toMatch(JWT_SHAPE);
      expect(out).not.toContain(cloud.env.ENTRA_CLIENT_SECRET!);
    }
  });
});
