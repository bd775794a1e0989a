/**
 * Several production portal processes behind one round-robin address, on one database and one
 * local Microsoft cloud: what a scale-out deployment looks like, for tests/fleet and the bench.
 * Needs `npm run build` first (it runs `.next/standalone/server.js`). The database is the
 * embedded server scripts/database-process.ts starts (or DATABASE_URL's, when set), reached
 * through a TCP proxy so a test can cut it off and bring it back.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startPortal, type PortalServer } from '../../bench/portal-server';
import { startDatabaseProcess, type DatabaseHandle } from '../../scripts/database-process';
import { portalEnvFromManifest } from '../../scripts/emulator-env';
import {
  findFreePortBlock,
  freePort,
  startEmulatorProcess,
  type EmulatorHandle,
} from '../../scripts/emulator-process';
import { controlFor, type Control } from './control';
import { PIN_HEADER, startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';
import { createTcpProxy, type TcpProxy } from './tcp-proxy';

export interface Fleet {
  /** The one public address (PORTAL_URL of every instance). */
  url: string;
  portals: PortalServer[];
  proxy: RoundRobinProxy;
  cloud: EmulatorHandle;
  control: Control;
  database: DatabaseHandle;
  /** A direct pool on the portal's database, for checks. */
  sql: pg.Pool;
  /** Between the instances and the database: stop() makes it unreachable, start() brings it back. */
  databaseLink: TcpProxy;
  env: NodeJS.ProcessEnv;
  /** Headers that send a request to instance `n` (0-based) through the proxy. */
  on(n: number): Record<string, string>;
  /** Starts one more instance with `extraEnv` (not behind the proxy). */
  addInstance(extraEnv?: Record<string, string>): Promise<PortalServer>;
  stop(): Promise<void>;
}

export async function startFleet(opts: { instances: number; customers?: number }): Promise<Fleet> {
  const proxyPort = await freePort();
  const url = `http://localhost:${proxyPort}`;
  const started: Array<() => unknown> = [];
  const undo = async () => {
    for (const stop of started.reverse()) await Promise.resolve(stop()).catch(() => {});
  };
  try {
    const cloud = await startEmulatorProcess({ portalUrl: url, customers: opts.customers });
    started.push(() => cloud.stop());
    const database = await ownDatabase(await startDatabaseProcess());
    started.push(() => database.stop());
    const direct = new URL(database.url);
    const databaseLink = await createTcpProxy(direct.hostname, Number(direct.port));
    started.push(() => databaseLink.stop());
    const viaLink = new URL(database.url);
    viaLink.port = String(databaseLink.port);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...portalEnvFromManifest(cloud.manifest, cloud.manifestPath, url),
      DATABASE_URL: viaLink.toString(),
    };
    const first = await findFreePortBlock(opts.instances);
    // One at a time: the first runs the migrations, the others find nothing left to do.
    const portals: PortalServer[] = [];
    for (let i = 0; i < opts.instances; i++) {
      const portal = await startPortal(first + i, env);
      started.push(() => portal.stop());
      portals.push(portal);
    }
    const proxy = await startRoundRobinProxy(
      proxyPort,
      portals.map((p) => p.url),
    );
    return fleetOf({ url, portals, proxy, cloud, database, databaseLink, env });
  } catch (e) {
    await undo();
    throw e;
  }
}

function fleetOf(parts: {
  url: string;
  portals: PortalServer[];
  proxy: RoundRobinProxy;
  cloud: EmulatorHandle;
  database: DatabaseHandle;
  databaseLink: TcpProxy;
  env: NodeJS.ProcessEnv;
}): Fleet {
  const { url, portals, proxy, cloud, database, databaseLink, env } = parts;
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });
  sql.on('error', () => {});
  const extra: PortalServer[] = [];
  return {
    url,
    portals,
    proxy,
    cloud,
    control: controlFor(cloud.manifest),
    database,
    sql,
    databaseLink,
    env,
    on: (n) => ({ [PIN_HEADER]: String(n) }),
    async addInstance(extraEnv = {}) {
      const p = await startPortal(await freePort(), { ...env, ...extraEnv });
      extra.push(p);
      return p;
    },
    async stop() {
      for (const p of [...portals, ...extra]) p.stop();
      await proxy.close();
      await sql.end().catch(() => {});
      await databaseLink.stop();
      cloud.stop();
      await database.stop();
    },
  };
}

/**
 * A database of the fleet's own on that server: a fresh one inside an external server
 * (DATABASE_URL already set), so a run never meets another's rows; the temporary server's own
 * database otherwise (it goes with the server).
 */
async function ownDatabase(server: DatabaseHandle): Promise<DatabaseHandle> {
  if (!server.external) return server;
  const name = `portal_fleet_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    external: false,
    stop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
