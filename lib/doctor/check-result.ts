import 'server-only';

export type CheckStatus = 'ok' | 'warn' | 'fail';

/** One line of the doctor's report. `detail` and `fix` are shown as-is: never put a secret in them. */
export interface CheckResult {
  name: string;
  status: CheckStatus;
  detail: string;
  /** What to do about a warn or fail; names the setting or the guide's step. */
  fix?: string;
}

export const ok = (name: string, detail: string): CheckResult => ({ name, status: 'ok', detail });
export const warn = (name: string, detail: string, fix?: string): CheckResult => ({
  name,
  status: 'warn',
  detail,
  fix,
});
export const fail = (name: string, detail: string, fix: string): CheckResult => ({
  name,
  status: 'fail',
  detail,
  fix,
});

/** A check that could not run because one it depends on failed. */
export const skipped = (name: string, because: string): CheckResult => ({
  name,
  status: 'warn',
  detail: `not checked: ${because} failed`,
  fix: `fix ${because} first`,
});
