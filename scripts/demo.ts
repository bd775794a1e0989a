/**
 * `npm run demo`: the portal against the local Microsoft cloud, with no Azure account.
 * Builds the portal when the build is missing or older than the sources, starts the emulator
 * (state kept in .emulator/) and the embedded PostgreSQL server (data kept in
 * .emulator-postgres/; a DATABASE_URL already set wins), starts the portal on http://localhost:3000 and prints the demo
 * accounts. Ctrl+C stops both.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startDatabaseProcess } from './database-process';
import { portalEnvFromManifest } from './emulator-env';
import { startEmulatorProcess } from './emulator-process';

const port = Number(process.env.PORT ?? 3000);
const portalUrl = `http://localhost:${port}`;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newestMtime(join(path, f))), st.mtimeMs);
}

function buildIfStale(): void {
  const built = '.next/standalone/server.js';
  const sources = Math.max(
    ...['app', 'lib', 'public', 'next.config.js', 'package-lock.json'].map(newestMtime),
  );
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  console.log('Building the portal (production build)…');
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** A session secret kept with the emulator state, so demo sessions survive a restart. */
function sessionSecret(): string {
  const file = '.emulator/portal-session-secret';
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  buildIfStale();
  const cloud = await startEmulatorProcess({
    portalUrl,
    stateDir: '.emulator',
    basePort: 8440,
    verbose: true,
  });
  const database = await startDatabaseProcess({ dir: '.emulator-postgres' }).catch((e: unknown) => {
    cloud.stop();
    throw e;
  });
  const env = {
    ...process.env,
    ...portalEnvFromManifest(cloud.manifest, cloud.manifestPath, portalUrl, sessionSecret()),
    DATABASE_URL: database.url,
    PORT: String(port),
  };
  const portal = spawn(process.execPath, ['scripts/start.mjs'], { stdio: 'inherit', env });

  console.log(`\nPartner Portal demo: ${portalUrl}\n`);
  console.log('Demo accounts (password · MFA):');
  for (const t of cloud.manifest.tenants.filter((x) => x.kind !== 'customer')) {
    console.log(`  ${t.name} (${t.kind}, ${t.domain})`);
    for (const u of t.users) {
      const mfa =
        u.mfa === 'totp'
          ? `TOTP secret ${u.totpSecret}`
          : u.mfa === 'approve'
            ? 'one-click approve'
            : 'no MFA';
      console.log(`    ${u.upn.padEnd(42)} ${u.password} · ${mfa}`);
    }
  }
  console.log(
    '\nNo authenticator app? `npm run demo:totp -- <upn>` prints the current code of a TOTP account.',
  );
  console.log(
    'Start at /connect as a partner admin, then sign in to /dashboard as staff. Ctrl+C stops the demo.',
  );

  const stop = () => {
    portal.kill('SIGTERM');
    cloud.stop();
    void database.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  portal.on('exit', (code) => {
    cloud.stop();
    void database.stop().then(() => process.exit(code ?? 0));
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
