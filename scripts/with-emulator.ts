/**
 * Runs a command with the local Microsoft cloud and the embedded PostgreSQL server up, and the
 * portal's environment (emulator URLs, DATABASE_URL) pointing at them.
 *
 *   tsx scripts/with-emulator.ts [--fresh] [--portal-port 3100] -- <command> [args…]
 *
 * --fresh uses a throw-away state folder, a throw-away database and free ports (tests); without it
 * the demo's `.emulator` and `.emulator-postgres` folders and the default ports are used, and a
 * local cloud or database already running from there (the demo's) is reused. A DATABASE_URL that
 * is already set wins over the embedded server.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startDatabaseProcess } from './database-process';
import { portalEnvFromManifest } from './emulator-env';
import { startEmulatorProcess } from './emulator-process';

const sep = process.argv.indexOf('--');
if (sep < 0 || sep === process.argv.length - 1) {
  console.error(
    'usage: tsx scripts/with-emulator.ts [--fresh] [--portal-port N] -- <command> [args…]',
  );
  process.exit(2);
}
const { values } = parseArgs({
  args: process.argv.slice(2, sep),
  options: { fresh: { type: 'boolean', default: false }, 'portal-port': { type: 'string' } },
});
const [command, ...args] = process.argv.slice(sep + 1) as [string, ...string[]];
const portalPort = Number(
  values['portal-port'] ?? process.env.PORTAL_PORT ?? (values.fresh ? 3100 : 3000),
);
const portalUrl = `http://localhost:${portalPort}`;

async function main(): Promise<number> {
  const emulator = await startEmulatorProcess(
    values.fresh
      ? { portalUrl }
      : { portalUrl, stateDir: '.emulator', basePort: 8440, reuseIfRunning: true },
  );
  const database = await startDatabaseProcess(
    values.fresh ? {} : { dir: '.emulator-postgres', reuseIfRunning: true },
  ).catch((e: unknown) => {
    emulator.stop();
    throw e;
  });
  const env = {
    ...process.env,
    ...portalEnvFromManifest(emulator.manifest, emulator.manifestPath, portalUrl),
    DATABASE_URL: database.url,
    PORTAL_PORT: String(portalPort),
  };
  const child = spawn(command, args, {
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  });
  const code = await new Promise<number>((done) =>
    child.on('exit', (c, signal) => done(c ?? (signal ? 1 : 0))),
  );
  emulator.stop();
  await database.stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
