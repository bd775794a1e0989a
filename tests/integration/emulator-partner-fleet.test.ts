import type { FleetState } from '../../emulator/seed/partner-fleet';
import { startCliCloud, type CliCloud } from './cli-harness';

jest.setTimeout(240_000);

/**
 * `--partners N` against the portal's own code (the `csp` console runs lib/ as the portal does):
 * the seeded Key Vault secrets read as connections in the intended health states, and Entra
 * honours or refuses each stored refresh token as that state says.
 */
const HEALTH: Record<FleetState, string> = {
  healthy: 'healthy',
  expiring: 'expiring',
  expired: 'expired',
  revoked: 'revoked',
  mfa_missing: 'mfa_missing',
  failing: 'error',
};
// What redeeming the stored token gives: ok, or the AADSTS code a person must act on.
const KEEPALIVE: Record<FleetState, string> = {
  healthy: 'ok',
  expiring: 'ok',
  failing: 'ok',
  expired: 'AADSTS700082',
  revoked: 'AADSTS50173',
  mfa_missing: 'AADSTS50076',
};

describe('the local cloud with --partners 12', () => {
  let cloud: CliCloud;
  beforeAll(async () => {
    cloud = await startCliCloud({ partners: 12 });
  });
  afterAll(() => cloud?.stop());

  test('the manifest lists the fleet apart from the demo tenants, every state present', () => {
    const fleet = cloud.manifest.fleet!.partners;
    expect(fleet).toHaveLength(12);
    expect(new Set(fleet.map((p) => p.state))).toEqual(new Set(Object.keys(HEALTH)));
    const demoIds = new Set(cloud.manifest.tenants.map((t) => t.id));
    expect(fleet.filter((p) => demoIds.has(p.id))).toEqual([]);
  });

  test('csp connections reads each seeded secret in its intended health state', async () => {
    const run = await cloud.csp(['connections', '--json']);
    expect(run.code).toBe(0);
    const health = JSON.parse(run.stdout) as Array<{
      tenantId: string;
      status: string;
      mfa: string;
      orgName: string;
      permissionNeeded: unknown;
    }>;
    for (const p of cloud.manifest.fleet!.partners) {
      const h = health.find((x) => x.tenantId === p.id);
      expect({
        id: p.id,
        status: h?.status,
        org: h?.orgName,
        mfa: h?.mfa,
        permissionNeeded: h?.permissionNeeded ?? null,
      }).toEqual({
        id: p.id,
        status: HEALTH[p.state],
        org: p.name,
        mfa: 'confirmed',
        // The fleet was connected with today's consent, Graph's GDAP read permission included.
        permissionNeeded: null,
      });
    }
  });

  test('keepalive: Entra honours the live tokens and refuses the dead ones with the right code', async () => {
    const run = await cloud.csp(['keepalive', '--all', '--json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{
      tenantId: string;
      outcome: string;
      code?: string;
    }>;
    for (const p of cloud.manifest.fleet!.partners) {
      const r = results.find((x) => x.tenantId === p.id);
      expect({ id: p.id, state: p.state, got: r?.outcome === 'ok' ? 'ok' : r?.code }).toEqual({
        id: p.id,
        state: p.state,
        got: KEEPALIVE[p.state],
      });
    }
  });
});
