import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTsx, type ProcessResult } from '../../support/run-process';
import type { CliLineResult } from './cli-lines';
import { secretsIn, stacksIn, stateMarks, type StateMarks } from './expect-safe';
import { labelled, type HostileValue } from './hostile-table';

/**
 * Tables of hostile command-line arguments for `csp`. Every line of a test file runs in one
 * child process (support/cli-lines.ts, through the console's own runCommandLine) with the
 * portal's settings against the suite's local cloud; each line is then one test.
 */
export interface CliExpectation {
  /** Allowed exit codes (cli/exit-codes.ts). */
  exit: readonly number[];
  /** A stable error code the output names, as `error [code]`. */
  code?: RegExp;
  /** Anything else, on the line's result. */
  also?: (r: CliLineResult) => void;
}

const lines: string[][] = [];
interface CliRun {
  results: CliLineResult[];
  process: ProcessResult;
  /** What was stored before and after the whole batch (Key Vault writes, redemptions). */
  marks: { before: StateMarks; after: StateMarks };
}
let run: Promise<CliRun> | undefined;

export function portalEnv(): Record<string, string> {
  const path = process.env.SECURITY_PORTAL_ENV;
  if (!path)
    throw new Error('SECURITY_PORTAL_ENV is not set: run with `jest --selectProjects security`');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
}

/** Runs every registered line once (on the first test that needs a result). */
export function cliResults(before: () => Promise<void> = async () => {}) {
  run ??= (async () => {
    await before();
    const marksBefore = await stateMarks();
    const dir = mkdtempSync(join(tmpdir(), 'csp-lines-'));
    try {
      writeFileSync(join(dir, 'in.json'), JSON.stringify(lines));
      const p = await runTsx(
        ['tests/security/support/cli-lines.ts', join(dir, 'in.json'), join(dir, 'out.json')],
        { ...portalEnv(), LOG_LEVEL: 'error' },
      );
      if (p.code !== 0) throw new Error(`the CLI runner failed (${p.code}): ${p.stderr}`);
      const results = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as CliLineResult[];
      return { results, process: p, marks: { before: marksBefore, after: await stateMarks() } };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return run;
}

export function cliTable<T = string>(
  entryPoint: string,
  values: ReadonlyArray<T | HostileValue<T>>,
  argsFor: (value: T) => string[],
  expected: CliExpectation,
  before?: () => Promise<void>,
): void {
  const rows = labelled(values).map((r) => ({ ...r, index: lines.push(argsFor(r.value)) - 1 }));
  describe(entryPoint, () => {
    test.each(rows.map((r) => [r.label, r] as const))(
      '%s',
      async (_label, row) => {
        const { results } = await cliResults(before);
        const r = results[row.index]!;
        const output = `${r.stdout}\n${r.stderr}`;
        expect(secretsIn(output)).toEqual([]);
        expect(stacksIn(output)).toEqual([]);
        if (!expected.exit.includes(r.code))
          throw new Error(
            `exit ${r.code}, expected ${expected.exit.join(' or ')}\n${output.slice(0, 400)}`,
          );
        if (expected.code) expect(output).toMatch(expected.code);
        expected.also?.(r);
        // The first row waits for the whole file's batch of command lines (one child process runs
        // them all), so its hang guard covers the batch, not one command.
      },
      240_000,
    );
  });
}
