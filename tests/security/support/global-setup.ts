/**
 * The security suite's global setup, as Playwright's `webServer` does for e2e: a fresh local
 * Microsoft cloud and the portal's production server (`.next/standalone`, as `npm start` serves
 * it) on free ports. Tests reach both over HTTP only; they read the addresses from the
 * environment this sets (jest starts its workers after global setup, so they inherit it).
 */
import { createWriteStream, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { startDatabaseProcess } from '../../../scripts/database-process';
import { portalEnvFromManifest } from '../../../scripts/emulator-env';
import { freePort, startEmulatorProcess } from '../../../scripts/emulator-process';

const SERVER = '.next/standalone/server.js';

export default async function globalSetup(): Promise<void> {
  if (!existsSync(SERVER))
    throw new Error(
      `${SERVER} is missing: the security suite runs against the production build (npm run build first, or npm run test:security)`,
    );
  const port = Number(process.env.SECURITY_PORTAL_PORT ?? (await freePort()));
  const portalUrl = `http://localhost:${port}`;
  const cloud = await startEmulatorProcess({ portalUrl });
  // A throw-away embedded PostgreSQL server (or the DATABASE_URL already set), as npm test's
  // other stages have.
  const database = await startDatabaseProcess();
  const env = {
    ...portalEnvFromManifest(cloud.manifest, cloud.manifestPath, portalUrl),
    DATABASE_URL: database.url,
  };
  // The portal's own log, so tests can prove no token reached a log line.
  const logDir = mkdtempSync(join(tmpdir(), 'portal-security-'));
  const logPath = join(logDir, 'portal.log');
  const logFile = createWriteStream(logPath);
  // Exactly what `npm start` runs (scripts/start.mjs), as Playwright's webServer does.
  const portal = spawn(process.execPath, ['scripts/start.mjs'], {
    // Tables send dozens of requests per user to the rate-limited endpoints (export, refresh,
    // check now, connect start): the suite tests input handling, so the budgets are raised.
    env: {
      ...process.env,
      ...env,
      RATE_LIMIT_FACTOR: '1000',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  portal.stdout.pipe(logFile);
  portal.stderr.pipe(logFile);
  const stop = () => {
    if (portal.exitCode === null) portal.kill('SIGTERM');
    cloud.stop();
    return database.stop();
  };
  (globalThis as { __securityStop?: () => Promise<void> }).__securityStop = stop;

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (portal.exitCode !== null) {
      await stop();
      throw new Error(`the portal exited with ${portal.exitCode}; see ${logPath}`);
    }
    try {
      if ((await fetch(`${portalUrl}/`, { signal: AbortSignal.timeout(5000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the portal did not answer within 90 s; see ${logPath}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.env.SECURITY_PORTAL_URL = portalUrl;
  process.env.SECURITY_PORTAL_LOG = logPath;
  process.env.EMULATOR_MANIFEST = cloud.manifestPath;
  // The portal's settings, for the CLI table's child process (removed with the cloud's folder).
  const envPath = join(cloud.stateDir, 'portal-env.json');
  writeFileSync(envPath, JSON.stringify(env));
  process.env.SECURITY_PORTAL_ENV = envPath;
}
