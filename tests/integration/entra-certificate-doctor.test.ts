import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAppCertificate } from '@/emulator/directory/app-certificate';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { runDoctor, statuses } from './run-doctor';

jest.setTimeout(180_000);

/**
 * `npm run doctor` with the certificate configuration a real deployment may choose instead of a
 * secret: ENTRA_CLIENT_CERTIFICATE_PATH set, ENTRA_CLIENT_SECRET absent, Key Vault reached with
 * the same app credential. Against a private local cloud, as the other doctor tests.
 */
describe('npm run doctor with a certificate instead of a client secret', () => {
  let pc: PrivateCloud;
  let certEnv: Record<string, string>;
  const otherDir = mkdtempSync(join(tmpdir(), 'doctor-cert-'));
  beforeAll(async () => {
    pc = await startPrivateCloud();
    const { ENTRA_CLIENT_SECRET: _secret, ...rest } = pc.env;
    certEnv = {
      ...rest,
      ENTRA_CLIENT_CERTIFICATE_PATH: pc.manifest.portalApp.certificatePath!,
      KEY_VAULT_CREDENTIAL: 'app',
    };
  });
  afterAll(async () => {
    rmSync(otherDir, { recursive: true, force: true });
    await pc?.stop();
  });

  it('is all ok and says the app authenticates with its certificate', async () => {
    const run = await runDoctor(certEnv);
    expect(statuses(run)).toEqual({
      env: 'ok',
      discovery: 'ok',
      'client-credential': 'ok',
      'redirect-uri:connect': 'ok',
      'redirect-uri:sign-in': 'ok',
      database: 'ok',
      'database:migrations': 'ok',
      // No portal process has started a job runner on this database.
      'database:jobs': 'warn',
      'key-vault': 'ok',
      connections: 'ok',
    });
    expect(run.lines.get('client-credential')?.text).toContain(
      'authenticates with its certificate',
    );
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain('PRIVATE KEY');
  });

  it('a certificate the app registration does not hold: AADSTS700027, named with its fix, exit 1', async () => {
    const other = ensureAppCertificate(otherDir, 'not-uploaded', 'Not uploaded', Date.now());
    const run = await runDoctor(certEnv, { ENTRA_CLIENT_CERTIFICATE_PATH: other.path });
    expect(run.code).toBe(1);
    const line = run.lines.get('client-credential');
    expect(line?.status).toBe('fail');
    expect(line?.text).toContain('AADSTS700027');
    expect(line?.text).toContain('ENTRA_CLIENT_CERTIFICATE_PATH is not (or no longer) uploaded');
    expect(statuses(run)).toMatchObject({
      env: 'ok',
      discovery: 'ok',
      'redirect-uri:connect': 'ok',
      'redirect-uri:sign-in': 'ok',
    });
  });
});
