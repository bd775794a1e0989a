/**
 * Runs many `csp` command lines in one process, as the security suite's CLI table needs (one
 * process per line would cost seconds each): each line goes through the console's own
 * runCommandLine, with what it writes to stdout and stderr captured, and its exit code.
 *
 *   node --conditions=react-server --import tsx tests/security/support/cli-lines.ts <in.json> <out.json>
 *
 * in.json: string[][] (arguments after `csp`); out.json: { args, code, stdout, stderr }[].
 * Log lines go to this process's real stderr, which the caller scans too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runCommandLine } from '../../../cli/run-cli';
import { sendLogsToStderr } from '../../../cli/send-logs-to-stderr';

export interface CliLineResult {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
}

async function main(): Promise<void> {
  const lines = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as string[][];
  sendLogsToStderr();
  const results: CliLineResult[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  for (const args of lines) {
    let stdout = '';
    let stderr = '';
    process.stdout.write = ((chunk: string | Uint8Array) => {
      stdout += chunk.toString();
      return true;
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array) => {
      stderr += chunk.toString();
      return true;
    }) as typeof process.stderr.write;
    process.exitCode = undefined;
    let code: number;
    try {
      code = await runCommandLine(['node', 'csp', ...args]);
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
    results.push({ args, code, stdout, stderr });
  }
  process.exitCode = 0;
  writeFileSync(process.argv[3]!, JSON.stringify(results));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(70);
});
