import { seededTenants, seededUser } from '../support/manifest';
import { JWT_SHAPE, startCliCloud, type CliCloud } from './cli-harness';

jest.setTimeout(240_000);

interface Result {
  tenantId: string;
  outcome: 'ok' | 'needs_human' | 'failed';
  code?: string;
  rotatedAt?: string;
}

/**
 * `csp keepalive` against a private local cloud with both partners connected, moving the
 * emulator's clock: it rotates every stored refresh token (a new Key Vault version holding a new
 * token), keeps connections alive past the 90-day inactivity limit, and exits 1 with the AADSTS
 * advice when a connection lapsed or was revoked. The steps build on each other, in order.
 */
describe('csp keepalive against the local cloud', () => {
  let cloud: CliCloud;
  let a: string;
  let b: string;
  const stored = new Set<string>();

  async function secretOf(tenantId: string) {
    const secret = await cloud.readSecret(tenantId);
    stored.add(secret.value);
    return secret;
  }

  beforeAll(async () => {
    cloud = await startCliCloud();
    const { partnerA, partnerB } = seededTenants(cloud.manifest);
    a = await cloud.connect('partnerA');
    b = await cloud.connect('partnerB');
    expect([a, b]).toEqual([partnerA.id, partnerB.id]);
  });
  afterAll(() => cloud?.stop());

  test('--all: one ok line per tenant, exit 0; each secret gets a new version holding a new refresh token', async () => {
    const before = [await secretOf(a), await secretOf(b)];
    const run = await cloud.csp(['keepalive', '--all']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => /^(ok|NEEDS HUMAN|FAILED)\s/.test(l));
    expect(lines).toHaveLength(2);
    for (const id of [a, b])
      expect(lines.find((l) => l.includes(id))).toMatch(
        /^ok\s+\S+\s+.+\s+rotated \d{4}-\d\d-\d\d \d\d:\d\dZ, 90 days left$/,
      );
    expect(run.stdout).toContain('2 checked: 2 ok, 0 need a person, 0 failed');

    const after = [await secretOf(a), await secretOf(b)];
    after.forEach((secret, i) => {
      expect(secret.version).not.toBe(before[i]!.version);
      expect(secret.value).not.toBe(before[i]!.value);
    });
  });

  test('two runs at once (as with the portal rotating too) both succeed, and the newest stored token works', async () => {
    const runs = await Promise.all([
      cloud.csp(['keepalive', '--all']),
      cloud.csp(['keepalive', '--all']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const again = await cloud.csp(['keepalive', '--json']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as Result[]).map((r) => r.outcome)).toEqual(['ok', 'ok']);
  });

  test('80 days later: still alive; keepalive succeeds and rotates again', async () => {
    const before = await secretOf(a);
    await cloud.control.advanceClock({ days: 80 });
    const run = await cloud.csp(['keepalive', '--all', '--json']);
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout) as Result[];
    expect(results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tenantId: a, outcome: 'ok' }),
        expect.objectContaining({ tenantId: b, outcome: 'ok' }),
      ]),
    );
    const after = await secretOf(a);
    expect(after.version).not.toBe(before.version);
    expect(after.value).not.toBe(before.value);
  });

  test('a tenant keepalive skipped lapses after 90 days: exit 1 with the AADSTS700082 advice; the one it ran for stays ok', async () => {
    await cloud.control.advanceClock({ days: 80 });
    expect((await cloud.csp(['keepalive', '--tenant', a])).code).toBe(0);
    await cloud.control.advanceClock({ days: 20 });
    // Now a was last used 20 days ago, b 100 days ago.
    const run = await cloud.csp(['keepalive', '--all']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^ok\\s+${a}\\s`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^NEEDS HUMAN\\s+${b}\\s+.*\\[AADSTS700082\\] `, 'm'));
    expect(run.stdout).toMatch(/Fix: .*csp keepalive/);
    expect(run.stdout).toContain('2 checked: 1 ok, 1 need a person, 0 failed');
  });

  test('after a revocation: exit 1 with the AADSTS50173 advice, health shows it, and commands refuse with the fix', async () => {
    const admin = seededUser(seededTenants(cloud.manifest).partnerA, 'admin');
    await cloud.control.revokeUser(admin.upn);
    const run = await cloud.csp(['keepalive', '--tenant', a]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`^NEEDS HUMAN\\s+${a}\\s+.*\\[AADSTS50173\\] The connection was revoked`, 'm'),
    );
    expect(run.stdout).toMatch(/Cause: .*revoked/);
    expect(run.stdout).toMatch(/Fix: .*reconnects the tenant/);

    const health = JSON.parse((await cloud.csp(['connections', '--json'])).stdout) as Array<{
      tenantId: string;
      status: string;
    }>;
    expect(health.find((h) => h.tenantId === a)?.status).toBe('revoked');
    expect(health.find((h) => h.tenantId === b)?.status).toBe('expired');

    const table = await cloud.csp(['connections']);
    expect(table.stdout).toMatch(/is revoked: The connection was revoked \[AADSTS50173\]/);

    const profile = await cloud.csp(['profile', '--tenant', a]);
    expect(profile).toMatchObject({ code: 1, stdout: '' });
    expect(profile.stderr).toContain(
      `error [AADSTS50173]: Tenant ${a} needs a reconnect: The connection was revoked.`,
    );
    expect(profile.stderr).toMatch(/Fix: /);
  });

  test('a tenant that is not connected: --tenant exits 1 naming it', async () => {
    const home = cloud.manifest.portalApp.tenantId;
    const run = await cloud.csp(['keepalive', '--tenant', home]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`NEEDS HUMAN\\s+${home}\\s+-\\s+\\[connection_missing\\]`),
    );
  });

  test('Key Vault failing while reading a token: a FAILED line per tenant and exit 2', async () => {
    // The listing works; every read of a secret's value answers 503.
    await cloud.control.addFault({
      service: 'keyvault',
      route: '^GET /secrets/[0-9a-f-]{36}',
      kind: 'status',
      status: 503,
      retryAfter: 0,
    });
    try {
      const run = await cloud.csp(['keepalive', '--all']);
      expect(run.code).toBe(2);
      expect(run.stdout).toMatch(new RegExp(`^FAILED\\s+${a}\\s+.*\\[vault_unreachable\\]`, 'm'));
      expect(run.stdout).toContain('2 checked: 0 ok, 0 need a person, 2 failed');
    } finally {
      await cloud.control.clearFaults();
    }
  });

  test('never prints a token: no stored refresh token, old or new, and nothing JWT-shaped', () => {
    expect(stored.size).toBeGreaterThanOrEqual(6);
    for (const out of cloud.outputs) {
      for (const token of stored) expect(out).not.toContain(token);
      expect(out).not.toMatch(JWT_SHAPE);
    }
  });
});
