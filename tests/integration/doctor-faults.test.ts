import { freePort } from '../../scripts/emulator-process';
import { seededTenants, seededUser } from '../support/manifest';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { runTsx } from '../support/run-process';
import { runDoctor, statuses } from './run-doctor';

jest.setTimeout(180_000);

/**
 * Each configuration fault the doctor must name, broken on purpose one at a time against a
 * private local cloud: the failing line names the fault and its fix, the other checks are not
 * blamed for it, and the exit code is non-zero.
 */
describe('npm run doctor names each broken piece and exits non-zero', () => {
  let pc: PrivateCloud;
  beforeAll(async () => {
    pc = await startPrivateCloud();
  });
  afterAll(() => pc?.stop());

  it('a wrong client secret', async () => {
    const run = await runDoctor(pc.env, { ENTRA_CLIENT_SECRET: 'not-the-secret' });
    expect(run.code).toBe(1);
    const line = run.lines.get('client-credential');
    expect(line?.status).toBe('fail');
    expect(line?.text).toContain('AADSTS7000215');
    expect(line?.text).toContain('fix: Check ENTRA_CLIENT_SECRET');
    // Locally Key Vault is reached with the same app credential, so it fails too, pointing back.
    expect(run.lines.get('key-vault')?.text).toContain('vault_credential_failed');
    expect(statuses(run)).toMatchObject({
      env: 'ok',
      discovery: 'ok',
      'redirect-uri:connect': 'ok',
      'redirect-uri:sign-in': 'ok',
    });
    expect(run.stdout).not.toContain('not-the-secret');
  });

  it('a wrong vault URL', async () => {
    const wrong = `https://localhost:${await freePort()}`;
    const run = await runDoctor(pc.env, { KEY_VAULT_URL: wrong });
    expect(run.code).toBe(1);
    const line = run.lines.get('key-vault');
    expect(line?.status).toBe('fail');
    expect(line?.text).toContain('vault_unreachable');
    expect(line?.text).toContain(`fix: check KEY_VAULT_URL (${wrong})`);
    expect(statuses(run)).toMatchObject({
      env: 'ok',
      discovery: 'ok',
      'client-credential': 'ok',
      connections: 'warn',
    });
  });

  it('a wrong redirect URI (PORTAL_URL differs from the registration)', async () => {
    const elsewhere = `http://localhost:${await freePort()}`;
    const run = await runDoctor(pc.env, { PORTAL_URL: elsewhere, NEXTAUTH_URL: elsewhere });
    expect(run.code).toBe(1);
    for (const [name, path] of [
      ['redirect-uri:connect', '/api/connect/callback'],
      ['redirect-uri:sign-in', '/api/auth/callback/entra'],
    ] as const) {
      const line = run.lines.get(name);
      expect(line?.status).toBe('fail');
      expect(line?.text).toContain(`AADSTS50011: ${elsewhere}${path} is not a redirect URI`);
      expect(line?.text).toContain(`fix: add ${elsewhere}${path} as a Web redirect URI`);
    }
    expect(statuses(run)).toMatchObject({
      env: 'ok',
      discovery: 'ok',
      'client-credential': 'ok',
      'key-vault': 'ok',
    });
  });

  it('no Key Vault role for the portal identity', async () => {
    const { manifest } = pc;
    const assignment = manifest.keyVault?.roleAssignments.find(
      (a) => a.appId === manifest.portalApp.clientId,
    );
    if (!assignment) throw new Error('the manifest lists no Key Vault role for the portal app');
    await pc.control.removeVaultRole(assignment.principalId);
    try {
      const run = await runDoctor(pc.env);
      expect(run.code).toBe(1);
      const line = run.lines.get('key-vault');
      expect(line?.status).toBe('fail');
      expect(line?.text).toContain('vault_forbidden');
      expect(line?.text).toContain('Key Vault Secrets Officer');
      expect(statuses(run)).toMatchObject({
        env: 'ok',
        discovery: 'ok',
        'client-credential': 'ok',
        'redirect-uri:connect': 'ok',
      });
    } finally {
      await pc.control.setVaultRole(assignment.principalId, assignment.role);
    }
    expect((await runDoctor(pc.env)).code).toBe(0);
  });

  it('a connection whose grant was revoked', async () => {
    const { partnerB } = seededTenants(pc.manifest);
    const connect = await runTsx(['tests/support/connect-partner.ts', 'partnerB'], {
      ...pc.env,
      LOG_LEVEL: 'warn',
    });
    expect(connect.code).toBe(0);
    await pc.control.revokeUser(seededUser(partnerB, 'admin').upn);
    const run = await runDoctor(pc.env);
    expect(run.code).toBe(1);
    expect(run.lines.get(`token:${partnerB.id}`)?.status).toBe('ok');
    const line = run.lines.get(`partner-center:${partnerB.id}`);
    expect(line?.status).toBe('fail');
    expect(line?.text).toContain('AADSTS50173');
    expect(line?.text).toContain('reconnects the tenant');
  });
});
