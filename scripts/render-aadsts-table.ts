/**
 * Renders the AADSTS troubleshooting table of docs/deploy-azure.md from the one advice module the
 * portal, the CLI and the doctor use, so the guide never drifts from what users are told.
 *
 *   npx tsx scripts/render-aadsts-table.ts          prints the table
 *   npx tsx scripts/render-aadsts-table.ts --write  rewrites it in docs/deploy-azure.md
 *
 * tests/unit/deploy-doc-aadsts.test.ts fails when the two disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ADVISED_AADSTS_CODES, adviceFor } from '../lib/entra/aadsts-advice';

export const DOC_PATH = 'docs/deploy-azure.md';
const START = '<!-- aadsts-table:start -->';
const END = '<!-- aadsts-table:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function renderAadstsTable(): string {
  const rows = [...ADVISED_AADSTS_CODES]
    .sort((a, b) => a - b)
    .map((n) => {
      const a = adviceFor(n);
      return `| ${a.code} | ${cell(a.title)} | ${cell(a.cause)} | ${cell(a.fix)} | ${a.needsReconnect ? 'yes' : 'no'} |`;
    });
  return [
    '| code | what | why | fix | reconnect? |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The table currently between the markers of the guide (trimmed), or undefined without markers. */
export function readDocTable(doc: string): string | undefined {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return doc.slice(start + START.length, end).trim();
}

/**
 * The table's content without Prettier's column padding: cells trimmed, the separator row as
 * `---`. The guide is Prettier-formatted, so the check compares content, not alignment.
 */
export function normalizeTable(table: string): string {
  return table
    .split('\n')
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .map((c) => c.trim())
        .map((c) => (/^-{3,}$/.test(c) ? '---' : c))
        .join(' | ')
        .trim(),
    )
    .join('\n');
}

export function writeDocTable(doc: string, table: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC_PATH} lacks the ${START} … ${END} markers`);
  return `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`;
}

async function main(): Promise<void> {
  const table = renderAadstsTable();
  if (!process.argv.includes('--write')) return console.log(table);
  // Formatted as `prettier --check` (in npm test) expects it; loaded here so tests need no ESM loader.
  const { format, resolveConfig } = await import('prettier');
  const doc = writeDocTable(readFileSync(DOC_PATH, 'utf8'), table);
  const options = { ...(await resolveConfig(DOC_PATH)), filepath: DOC_PATH };
  writeFileSync(DOC_PATH, await format(doc, options));
  console.log(`wrote ${ADVISED_AADSTS_CODES.length} rows to ${DOC_PATH}`);
}

if (process.argv[1]?.endsWith('render-aadsts-table.ts')) void main();
