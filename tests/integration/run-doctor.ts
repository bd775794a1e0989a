import { runTsx, type ProcessResult } from '../support/run-process';

export interface DoctorRun extends ProcessResult {
  /** Each check's line, by check name. */
  lines: Map<string, { status: string; text: string }>;
}

/** `npm run doctor` against a private cloud (its `env`), with `overrides` applied to it. */
export async function runDoctor(
  base: Record<string, string>,
  overrides: Record<string, string> = {},
): Promise<DoctorRun> {
  const result = await runTsx(['scripts/doctor.ts'], { ...base, ...overrides });
  const lines = new Map<string, { status: string; text: string }>();
  for (const text of result.stdout.split('\n')) {
    const m = /^(ok|warn|fail)\s+(\S+)\s/.exec(text);
    if (m) lines.set(m[2]!, { status: m[1]!, text });
  }
  return { ...result, lines };
}

/** Statuses by check name, for compact assertions. */
export function statuses(run: DoctorRun): Record<string, string> {
  return Object.fromEntries([...run.lines].map(([name, l]) => [name, l.status]));
}
