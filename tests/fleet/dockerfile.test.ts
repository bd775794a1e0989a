/**
 * The Dockerfile cannot be built here (no Docker engine on this machine), so this checks what can
 * be checked against the production build (`npm run build` runs before this stage of `npm test`):
 * every path the runtime stage copies out of the build stage exists, and the runtime stage's
 * command, run the way the image runs it (cwd = the copied folder, its ENV), starts the server,
 * whose HEALTHCHECK command then succeeds.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../scripts/emulator-process';

const ROOT = join(__dirname, '..', '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
const lines = dockerfile.split('\n').map((l) => l.trim());
const runtimeStart = lines.findIndex((l) => /^FROM .* AS runtime$/i.test(l));
const runtime = lines.slice(runtimeStart);

/** The build stage's WORKDIR: paths copied --from=build are relative to it. */
const buildWorkdir = (() => {
  const deps = lines.findIndex((l) => /^FROM .* AS deps$/i.test(l));
  const workdir = lines.slice(deps).find((l) => l.startsWith('WORKDIR '));
  return workdir!.slice('WORKDIR '.length).trim();
})();

function execForm(instruction: string): string[] {
  const line = runtime.find((l) => l.startsWith(`${instruction} [`));
  if (!line) throw new Error(`no exec-form ${instruction} in the runtime stage`);
  return JSON.parse(line.slice(line.indexOf('['))) as string[];
}

function runtimeEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const l of runtime.filter((x) => x.startsWith('ENV ')))
    for (const m of l.slice(4).matchAll(/([A-Z_]+)=(\S+)/g)) env[m[1]!] = m[2]!;
  return env;
}

/** A configuration the server accepts; the liveness probe calls none of these services. */
function portalEnv(port: number): Record<string, string> {
  return {
    PORTAL_URL: `http://localhost:${port}`,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: 'dockerfile-test-'.padEnd(40, 'x'),
    ENTRA_CLIENT_ID: '11111111-1111-4111-8111-111111111111',
    ENTRA_CLIENT_SECRET: 'not-used-by-the-liveness-probe',
    ENTRA_HOME_TENANT_ID: '22222222-2222-4222-8222-222222222222',
    KEY_VAULT_URL: 'https://vault.invalid',
    LOG_LEVEL: 'warn',
    // Nothing listens there: the server retries its start-up migration in the background, and
    // the liveness probe, which makes no outbound call, answers all the same.
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://portal@127.0.0.1:9/portal',
  };
}

describe('Dockerfile', () => {
  it('is multi-stage and runs as a non-root user with a health check on the liveness probe', () => {
    expect(lines.filter((l) => /^FROM /i.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(runtime.find((l) => l.startsWith('USER '))).toBe('USER node');
    expect(
      runtime.some((l) => l.startsWith('HEALTHCHECK ') && l.includes('/api/health/live')),
    ).toBe(true);
  });

  it('copies only paths that exist after npm run build', () => {
    const copies = runtime
      .filter((l) => l.startsWith('COPY '))
      .map((l) => l.split(/\s+/).filter((w) => !w.startsWith('--')))
      .map((words) => words.slice(1, -1))
      .flat();
    expect(copies.length).toBeGreaterThan(0);
    for (const from of copies) {
      const local = from.startsWith(`${buildWorkdir}/`)
        ? from.slice(buildWorkdir.length + 1)
        : from;
      expect({ path: local, exists: existsSync(join(ROOT, local)) }).toEqual({
        path: local,
        exists: true,
      });
    }
    // What the server needs inside the copied folder.
    for (const p of ['server.js', '.next/static', 'node_modules/next'])
      expect(existsSync(join(ROOT, '.next/standalone', p))).toBe(true);
  });

  describe('the runtime command', () => {
    let server: ChildProcess | undefined;
    afterAll(() => server?.kill('SIGTERM'));

    it('starts the server, and the HEALTHCHECK command passes against it', async () => {
      const port = await freePort();
      const [cmd, ...args] = execForm('CMD');
      expect(cmd).toBe('node');
      const env: NodeJS.ProcessEnv = {
        NODE_ENV: 'production',
        PATH: process.env.PATH ?? '',
        ...runtimeEnv(),
        ...portalEnv(port),
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
      };
      const child = spawn(process.execPath, args, {
        cwd: join(ROOT, '.next/standalone'),
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      server = child;
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));

      const deadline = Date.now() + 60_000;
      let live: Response | undefined;
      while (!live && Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
        live = await fetch(`http://127.0.0.1:${port}/api/health/live`).catch(() => undefined);
        if (!live) await new Promise((r) => setTimeout(r, 250));
      }
      expect(live?.status).toBe(200);
      expect(await live!.json()).toMatchObject({ status: 'live' });

      const healthcheck = runtime.find((l) => l.startsWith('HEALTHCHECK '))!;
      const check = JSON.parse(healthcheck.slice(healthcheck.indexOf('['))) as string[];
      expect(check[0]).toBe('node');
      const result = spawnSync(process.execPath, check.slice(1), {
        env: { ...env },
        timeout: 15_000,
      });
      expect(result.status).toBe(0);
    }, 90_000);
  });
});
