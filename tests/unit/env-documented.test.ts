import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { envSchema } from '@/lib/config/schema';

/**
 * Every environment variable the code reads must be documented twice: in .env.example (what an
 * operator copies) and in docs/deploy-azure.md (where each value comes from).
 */

/**
 * Variables read only by tests, tooling or the runtime itself, never set by someone deploying the
 * portal: the emulator's manifest and ports, the e2e browser, CI markers, Playwright's report path,
 * and what Node and Next set themselves (NEXT_RUNTIME; NODE_ENV, which `next build` and the
 * standalone server set to production).
 */
const TOOLING = new Set([
  'EMULATOR_MANIFEST',
  'CHROMIUM_PATH',
  'CI',
  'PORTAL_PORT',
  'NEXT_RUNTIME',
  'NODE_ENV',
  'E2E_DEV_SERVER',
  'PLAYWRIGHT_JSON_OUTPUT_NAME',
]);
const isTooling = (name: string) => TOOLING.has(name) || name.startsWith('EMULATOR_');

const SOURCE_DIRS = ['lib', 'app', 'cli', 'scripts'];
const ROOT_FILES = ['instrumentation.ts', 'next.config.js', 'proxy.ts', 'middleware.ts'];
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

function readSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Reads: `process.env.X`, `process.env['X']` and `const { X } = process.env`. Plain assignments
 * (`process.env.X = ...`, a process setting a variable for its own libraries) are not reads.
 */
export function envNamesIn(source: string): string[] {
  const names = new Set<string>();
  const notAssigned = String.raw`(?!\s*=(?!=))`;
  for (const m of source.matchAll(
    new RegExp(String.raw`process\.env\.([A-Z][A-Z0-9_]*)\b` + notAssigned, 'g'),
  ))
    names.add(m[1]!);
  for (const m of source.matchAll(
    new RegExp(
      String.raw`process\.env\[\s*['"\x60]([A-Z][A-Z0-9_]*)['"\x60]\s*\]` + notAssigned,
      'g',
    ),
  ))
    names.add(m[1]!);
  for (const m of source.matchAll(/\{([^}]*)\}\s*=\s*process\.env\b/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.split(/[:=]/)[0]!.trim();
      if (/^[A-Z][A-Z0-9_]*$/.test(name)) names.add(name);
    }
  }
  return [...names];
}

function variablesTheCodeReads(): string[] {
  const files = [...SOURCE_DIRS.flatMap(sourceFiles), ...ROOT_FILES];
  const fromCode = files.flatMap((f) => envNamesIn(readSafe(f)));
  const fromSchema = Object.keys(envSchema.shape);
  return [...new Set([...fromCode, ...fromSchema])].filter((n) => !isTooling(n)).sort();
}

describe('environment variables', () => {
  const example = readFileSync('.env.example', 'utf8');
  const guide = readFileSync('docs/deploy-azure.md', 'utf8');
  /** `NAME=` at the start of a line, set or commented out as an optional example. */
  const inExample = (name: string) => new RegExp(`^#?\\s*${name}=`, 'm').test(example);
  const inGuide = (name: string) => new RegExp(`\\b${name}\\b`).test(guide);
  const read = variablesTheCodeReads();

  it('finds the schema and the direct reads', () => {
    expect(read).toEqual(expect.arrayContaining(['PORTAL_URL', 'KEY_VAULT_URL', 'PORT']));
  });

  it('every variable the code reads is in .env.example', () => {
    expect(read.filter((n) => !inExample(n))).toEqual([]);
  });

  it('every variable the code reads is in docs/deploy-azure.md', () => {
    expect(read.filter((n) => !inGuide(n))).toEqual([]);
  });

  it('every variable of .env.example is in docs/deploy-azure.md', () => {
    const names = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => !inGuide(n))).toEqual([]);
  });

  it('the scanner sees the three ways of reading a variable', () => {
    const src =
      "process.env.ALPHA; process.env['BETA']; const { GAMMA, DELTA: d } = process.env; if (process.env.EPS === 'x') {}";
    expect(envNamesIn(src).sort()).toEqual(['ALPHA', 'BETA', 'DELTA', 'EPS', 'GAMMA']);
    expect(envNamesIn("process.env.WRITTEN = 'stderr'; process.env['ALSO'] = '1';")).toEqual([]);
  });
});
