import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { runNode, runTsx, type ProcessResult } from '../support/run-process';

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
  /** Every output the CLI produced in this cloud, for the token-leak scan. */
  outputs: string[];
}

export async function startCliCloud(opts: { partners?: number } = {}): Promise<CliCloud> {
  const pc = await startPrivateCloud(opts);
  const outputs: string[] = [];
  return {
    ...pc,
    outputs,
    async csp(args, overrides = {}) {
      // Through the package's bin launcher, with only the cloud's env (plus PATH and HOME).
      const result = await runNode(['cli/bin/csp.js', ...args], { ...pc.env, ...overrides });
      outputs.push(result.stdout, result.stderr);
      return result;
    },
    async connect(which) {
      // Silent: the connect flow's log lines would share stdout with the tenant id it prints.
      const run = await runTsx(['tests/support/connect-partner.ts', which], {
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

/** JWT-shaped text: header and payload segments of a signed or unsigned token. */
export const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./;
