import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Clock } from '@/emulator/core/clock';
import { FaultRegistry } from '@/emulator/core/faults';
import { createListener } from '@/emulator/core/listen';
import type { EmulatorContext, EmulatorService } from '@/emulator/core/service';
import { SigningKeys } from '@/emulator/core/signing-keys';
import { RequestStats } from '@/emulator/core/stats';

/* eslint-disable @typescript-eslint/no-explicit-any -- test responses are checked field by field */
/**
 * An emulator context on a temp state dir, with in-process signing keys, for unit tests that
 * drive one service over loopback sockets (no Entra).
 */
export function makeTestContext(
  customerScale = 2500,
  opts: { freshKeys?: boolean } = {},
): { ctx: EmulatorContext; cleanup: () => void } {
  const stateDir = mkdtempSync(join(tmpdir(), 'emu-unit-'));
  // Generating an RSA key takes a second or more; tests share one unless they need a stranger's.
  if (!opts.freshKeys)
    cpSync(join(sharedKeysDir(), 'keys'), join(stateDir, 'keys'), { recursive: true });
  const clock = new Clock(join(stateDir, 'clock.json'));
  const ctx: EmulatorContext = {
    stateDir,
    urls: {
      entra: 'https://localhost:1',
      entraBrowser: 'http://localhost:2',
      keyVault: 'https://localhost:3',
      partnerCenter: 'https://localhost:4',
      control: 'http://127.0.0.1:5',
      graph: 'https://localhost:6',
    },
    clock,
    keys: new SigningKeys(stateDir, clock),
    faults: new FaultRegistry(),
    stats: new RequestStats(),
    caPath: join(stateDir, 'ca.pem'),
    customerScale,
    portalUrl: 'http://localhost:3000',
  };
  return { ctx, cleanup: () => rmSync(stateDir, { recursive: true, force: true }) };
}

/**
 * One signing key for every unit test run on this machine, in a fixed temp folder. It is built
 * in a fresh folder and renamed into place (atomic), so parallel jest workers never see half a key.
 */
function sharedKeysDir(): string {
  const target = join(tmpdir(), 'emulator-unit-test-keys');
  if (!existsSync(join(target, 'keys', 'signing-cert.pem'))) {
    const fresh = mkdtempSync(join(tmpdir(), 'emu-keys-'));
    new SigningKeys(fresh, new Clock());
    try {
      renameSync(fresh, target);
    } catch {
      rmSync(fresh, { recursive: true, force: true }); // another worker won the race
    }
  }
  return target;
}

export interface MountedService {
  /** Base URL of the service's (plain http, loopback) listener. */
  url: string;
  /** Base URL of its control routes (as mounted under `/<service>` in the real control API). */
  controlUrl: string;
  close(): Promise<void>;
}

/**
 * The service on a real loopback listener, as start.ts builds it (fault hook first), plus its
 * control routes. Real sockets rather than `app.inject`, whose cookie dependency jest can't load.
 */
export async function mountService(
  ctx: EmulatorContext,
  svc: EmulatorService,
): Promise<MountedService> {
  const apps: FastifyInstance[] = [];
  const app = await createListener({ port: 0 });
  ctx.faults.install(app, svc.name, (s, r) => svc.faultBody(s, r));
  await svc.register(app);
  apps.push(app);
  const control = await createListener({ port: 0 });
  if (svc.registerControl) await control.register(async (scoped) => svc.registerControl!(scoped));
  apps.push(control);
  const urls = await Promise.all(apps.map((a) => a.listen({ port: 0, host: '127.0.0.1' })));
  return {
    url: urls[0]!,
    controlUrl: urls[1]!,
    close: async () => void (await Promise.all(apps.map((a) => a.close()))),
  };
}

/** fetch with an optional bearer token and JSON body; returns status, headers and parsed JSON. */
export async function call(
  base: string,
  path: string,
  opts: {
    method?: string;
    token?: string;
    json?: unknown;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; statusText: string; headers: Headers; json: any; text: string }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${base}${path}`, { method: opts.method ?? 'GET', headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, statusText: res.statusText, headers: res.headers, json, text };
}

/** A v1 access token as the Entra emulator issues it, signed with the context's keys. */
export function signV1(
  ctx: EmulatorContext,
  claims: Record<string, unknown>,
  lifetimeSeconds = 3600,
): Promise<string> {
  const now = ctx.clock.nowSeconds();
  return ctx.keys.sign(
    { iat: now, nbf: now, exp: now + lifetimeSeconds, ver: '1.0', ...claims },
    { v1: true },
  );
}

export const HOME_TENANT = 'a0000000-0000-4000-8000-000000000001';
export const PORTAL_APP = 'b0000000-0000-4000-8000-000000000002';
export const PORTAL_SP = 'c0000000-0000-4000-8000-000000000003';

/** The slice of the Entra directory Key Vault reads. */
export const fakeKeyVaultDirectory = {
  portalApp: { clientId: PORTAL_APP, homeTenantId: HOME_TENANT },
  servicePrincipalId: (appId: string, tenantId: string) =>
    appId === PORTAL_APP && tenantId === HOME_TENANT ? PORTAL_SP : undefined,
};

/** An app-only Key Vault token for a principal (default: the portal's service principal). */
export function vaultToken(
  ctx: EmulatorContext,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  return signV1(ctx, {
    aud: 'https://vault.azure.net',
    iss: `https://sts.windows.net/${HOME_TENANT}/`,
    tid: HOME_TENANT,
    oid: PORTAL_SP,
    appid: PORTAL_APP,
    idtyp: 'app',
    ...overrides,
  });
}
