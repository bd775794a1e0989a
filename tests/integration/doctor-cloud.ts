import { spawn } from 'node:child_process';
import { portalEnvFromManifest } from '../../scripts/emulator-env';
import { freePort, startEmulatorProcess, type EmulatorHandle } from '../../scripts/emulator-process';

/**
 * A private local cloud for the doctor's tests. Their faults (a removed Key Vault role, a stored
 * connection) must not leak into the other integration suites that share the run's cloud, so
 * each doctor test file starts its own, and everything that talks to it runs as a child process
 * (NODE_EXTRA_CA_CERTS must name this cloud's CA when the process starts).
 */
export interface PrivateCloud {
  cloud: EmulatorHandle;
  env: Record<string, string>;
  stop(): void;
}

export async function startPrivateCloud(): Promise<PrivateCloud> {
  const portalUrl = `http://localhost:${await freePort()}`;
  const cloud = await startEmulatorProcess({ portalUrl });
  const env = portalEnvFromManifest(cloud.manifest, cloud.manifestPath, portalUrl);
  return { cloud, env, stop: () => cloud.stop() };
}

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `args` under tsx with the react-server condition, in `env` only (plus PATH and HOME). */
export function runTsx(args: string[], env: Record<string, string>): Promise<ProcessResult> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', ...args], {
      // A clean environment: nothing of the shared cloud's settings may leak into the child.
      // NODE_ENV=test also keeps a developer's .env.local out (Next's env loading skips it in tests).
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', failed);
    child.on('exit', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

export interface DoctorRun extends ProcessResult {
  /** Each check's line, by check name. */
  lines: Map<string, { status: string; text: string }>;
}

/** `npm run doctor` against the private cloud, with `overrides` applied to its environment. */
export async function runDoctor(base: Record<string, string>, overrides: Record<string, string> = {}): Promise<DoctorRun> {
  const result = await runTsx(['scripts/doctor.ts'], { ...base, ...overrides });
  const lines = new Map<string, { status: string; text: string }>();
  for (const text of result.stdout.split('\n')) {
    const m = /^(ok|warn|fail)\s+(\S+)\s/.exec(text);
    if (m) lines.set(m[2]!, { status: m[1]!, text });
  }
  return { ...result, lines };
}

/** Statuses by check name, for compact assertions. */
export function statuses(run: DoctorRun): Record<string, string> {
  return Object.fromEntries([...run.lines].map(([name, l]) => [name, l.status]));
}
