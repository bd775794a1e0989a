import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <args>` with `env` only (plus PATH and HOME) and collects its output and exit code.
 * A clean environment: nothing of this process's settings (the shared cloud's) may leak into it.
 */
export function runNode(args: string[], env: Record<string, string>): Promise<ProcessResult> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, args, {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...env,
      } as unknown as NodeJS.ProcessEnv,
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

/** Runs a TypeScript entry under tsx with the react-server condition (as `npm run doctor` does). */
export function runTsx(args: string[], env: Record<string, string>): Promise<ProcessResult> {
  // NODE_ENV=test also keeps a developer's .env.local out (Next's env loading skips it in tests).
  return runNode(['--conditions=react-server', '--import', 'tsx', ...args], {
    NODE_ENV: 'test',
    ...env,
  });
}
