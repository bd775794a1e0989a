/**
 * `npm audit --omit=dev` with no high or critical finding, except those listed with a reason in
 * audit-exceptions.json ({ "<package>": "<why it does not apply>" }). Run by `npm test` (and so by
 * CI). Exit 0 clean, 1 findings, 3 when the registry offers no audit endpoint (an offline mirror):
 * then nothing was checked, and the step says so instead of passing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface AuditReport {
  error?: { code?: string; summary?: string };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
}

const exceptions = JSON.parse(readFileSync('audit-exceptions.json', 'utf8')) as Record<
  string,
  string
>;
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report: AuditReport;
try {
  report = JSON.parse(run.stdout || '{}') as AuditReport;
} catch {
  report = { error: { summary: run.stderr.slice(0, 300) } };
}
if (report.error || !report.vulnerabilities) {
  console.error(
    `npm audit could not run: ${report.error?.summary || report.error?.code || 'no report'} (the registry offers no audit endpoint?)`,
  );
  process.exit(3);
}
const serious = Object.entries(report.vulnerabilities).filter(
  ([, v]) => v.severity === 'high' || v.severity === 'critical',
);
const excused = serious.filter(([name]) => exceptions[name]);
const open = serious.filter(([name]) => !exceptions[name]);
for (const [name] of excused) console.log(`excepted ${name}: ${exceptions[name]}`);
for (const [name, v] of open) console.error(`${v.severity}: ${name}`);
console.log(
  `npm audit --omit=dev: ${open.length} high/critical open, ${excused.length} excepted, ${Object.keys(report.vulnerabilities).length} findings in all`,
);
process.exit(open.length === 0 ? 0 : 1);
