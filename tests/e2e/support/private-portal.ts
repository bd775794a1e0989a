import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../../scripts/emulator-process';
import { startPrivateCloud, type PrivateCloud } from '../../support/private-cloud';

export interface PrivatePortal {
  url: string;
  cloud: PrivateCloud;
  stop(): Promise<void>;
}

/**
 * A local cloud and a production portal server of one spec's own, for a state the shared run must
 * not see (hundreds of seeded partners). The portal is the same build Playwright's web server
 * runs, with this cloud's environment.
 */
export async function startPrivatePortal(opts: { partners: number }): Promise<PrivatePortal> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const cloud = await startPrivateCloud({ partners: opts.partners, portalUrl: url });
  const server: ChildProcess = spawn(process.execPath, ['.next/standalone/server.js'], {
    env: { ...process.env, ...cloud.env, PORT: String(port), HOSTNAME: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    cloud.stop();
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) {
      cloud.stop();
      throw new Error(`the private portal exited (${server.exitCode}): ${stderr}`);
    }
    const ok = await fetch(`${url}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the private portal did not answer within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, cloud, stop };
}
