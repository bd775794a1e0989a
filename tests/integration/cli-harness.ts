import { spawn } from 'node:child_process';
import type { FaultSpec } from '../../emulator/core/faults';
import { runTsx, startPrivateCloud, type PrivateCloud, type ProcessResult } from './doctor-cloud';

/**
 * The CLI tests' harness. Each CLI test file gets its own local cloud (the keepalive tests move
 * its clock 80 days and revoke users, which must not leak into other suites), and everything
 * that talks to it runs as a child process trusting that cloud's CA: the CLI itself through its
 * `csp` bin, the connect flow, and the secret reader.
 */
export interface CliCloud extends PrivateCloud {
  csp(args: string[], overrides?: Record<string, string>): Promise<ProcessResult>;
  connect(which: 'partnerA' | 'partnerB'): Promise<string>;
  /** The tenant's latest refresh-token secret, read as the portal would (for comparisons only). */
  readSecret(tenantId: string): Promise<{ version: string; value: string }>;
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  addFault(spec: FaultSpec): Promise<unknown>;
  /** Every output the CLI produced in this cloud, for the token-leak scan. */
  outputs: string[];
}

export async function startCliCloud(): Promise<CliCloud> {
  const pc = await startPrivateCloud();
  const outputs: string[] = [];
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${pc.cloud.manifest.control.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`control ${method} ${path} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    ...pc,
    outputs,
    control,
    addFault: (spec) => control('POST', '/faults', spec),
    async csp(args, overrides = {}) {
      const result = await runBin(args, { ...pc.env, ...overrides });
      outputs.push(result.stdout, result.stderr);
      return result;
    },
    async connect(which) {
      // Silent: the connect flow's log lines would share stdout with the tenant id it prints.
      const run = await runTsx(['tests/integration/doctor-connect-tenant.ts', which], {
        ...pc.env,
        LOG_LEVEL: 'silent',
      });
      if (run.code !== 0) throw new Error(`connecting ${which} failed: ${run.stderr}`);
      return run.stdout.trim();
    },
    async readSecret(tenantId) {
      const run = await runTsx(['tests/integration/cli-read-secret.ts', tenantId], pc.env);
      if (run.code !== 0) throw new Error(`reading the secret failed: ${run.stderr}`);
      return JSON.parse(run.stdout) as { version: string; value: string };
    },
  };
}

/** `csp <args>` through the package's bin launcher, with only `env` (plus PATH and HOME). */
function runBin(args: string[], env: Record<string, string>): Promise<ProcessResult> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['cli/bin/csp.js', ...args], {
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

/** JWT-shaped text: header and payload segments of a signed or unsigned token. */
export const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./;
