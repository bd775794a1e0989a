import 'server-only';
import type { CheckResult } from './check-result';

const NAME_WIDTH = 22;

/** One terminal line per check: status, name, what was seen and, unless ok, the fix. */
export function formatResult(r: CheckResult): string {
  const fix = r.status !== 'ok' && r.fix ? ` | fix: ${r.fix}` : '';
  return `${r.status.padEnd(4)}  ${r.name.padEnd(NAME_WIDTH)}  ${r.detail}${fix}`;
}

/** The closing line, and the exit code: non-zero when anything failed. */
export function summarize(results: CheckResult[]): { line: string; exitCode: number } {
  const count = (s: CheckResult['status']) => results.filter((r) => r.status === s).length;
  const failed = count('fail');
  return {
    line: `${count('ok')} ok, ${count('warn')} warn, ${failed} fail`,
    exitCode: failed > 0 ? 1 : 0,
  };
}
