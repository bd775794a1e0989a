import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Manifest } from '../emulator/core/manifest';

export interface EmulatorHandle {
  manifest: Manifest;
  manifestPath: string;
  stateDir: string;
  stop(): void;
}

export interface EmulatorLaunch {
  stateDir?: string;
  basePort?: number;
  portalUrl: string;
  customers?: number;
  /** `--partners N`: connected partner tenants in a mix of health states. */
  partners?: number;
  /** Print the emulator's output (the demo does; tests keep it quiet unless it fails). */
  verbose?: boolean;
  /** Use the local cloud already running from `stateDir` (e.g. the demo's) instead of failing on its ports. */
  reuseIfRunning?: boolean;
  /**
   * Another local cloud's TLS folder (`<stateDir>/tls`) to copy in before starting, so the CA that
   * processes trusting that cloud already have vouches for this one too (a test file's private cloud).
   */
  reuseTlsDir?: string;
}

/** The manifest of a local cloud that is running from `stateDir`, if its control API answers. */
async function runningEmulator(stateDir: string): Promise<EmulatorHandle | undefined> {
  const manifestPath = join(stateDir, 'manifest.json');
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  try {
    const res = await fetch(`${manifest.control.url}/clock`, { signal: AbortSignal.timeout(1000) });
    if (!res.ok) return undefined;
  } catch {
    return undefined;
  }
  return { manifest, manifestPath, stateDir, stop: () => {} };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const srv = createServer();
    srv.once('error', () => done(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => done(true)));
  });
}

/** A block of six consecutive free loopback ports (start.ts uses base..base+5), so parallel runs don't collide. */
export async function findFreePortBlock(size = 6): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const checks = await Promise.all(Array.from({ length: size }, (_, i) => portFree(base + i)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error('no free block of loopback ports found');
}

export async function freePort(): Promise<number> {
  return findFreePortBlock(1);
}

/** Starts the local Microsoft cloud as a child process and waits for its manifest. */
export async function startEmulatorProcess(opts: EmulatorLaunch): Promise<EmulatorHandle> {
  if (opts.reuseIfRunning && opts.stateDir) {
    const running = await runningEmulator(resolve(opts.stateDir));
    if (running) return running;
  }
  const temp = !opts.stateDir;
  const stateDir = resolve(opts.stateDir ?? mkdtempSync(join(tmpdir(), 'portal-cloud-')));
  const basePort = opts.basePort ?? (await findFreePortBlock());
  const manifestPath = join(stateDir, 'manifest.json');
  rmSync(manifestPath, { force: true });
  if (opts.reuseTlsDir) cpSync(opts.reuseTlsDir, join(stateDir, 'tls'), { recursive: true });

  const args = [
    '--import',
    'tsx',
    'emulator/main.ts',
    '--state-dir',
    stateDir,
    '--port',
    String(basePort),
    '--portal-url',
    opts.portalUrl,
  ];
  if (opts.customers) args.push('--customers', String(opts.customers));
  if (opts.partners) args.push('--partners', String(opts.partners));
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (opts.verbose) process.stdout.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    if (temp) rmSync(stateDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  while (!existsSync(manifestPath)) {
    if (child.exitCode !== null) {
      stop();
      throw new Error(`the emulator exited (${child.exitCode}):\n${output}`);
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`the emulator did not write its manifest within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  return { manifest, manifestPath, stateDir, stop };
}
