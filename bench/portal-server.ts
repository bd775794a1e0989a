import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface PortalServer {
  url: string;
  pid: number;
  /** Resident set size of the server process, in MiB. */
  rssMiB(): number;
  stop(): void;
}

/** Starts the standalone production server and waits until it is ready (migrated database). */
export async function startPortal(port: number, env: NodeJS.ProcessEnv): Promise<PortalServer> {
  // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the portal (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '.next/standalone/server.js'], {
    env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}`);
    try {
      // The readiness probe, not `/`: a connect before the start-up migration ends fails closed.
      if ((await fetch(`${url}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the portal did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    rssMiB: () =>
      Number(
        /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0,
      ) / 1024,
    stop: () => child.kill('SIGTERM'),
  };
}
