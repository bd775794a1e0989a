import { readFileSync } from 'node:fs';
import { ADVISED_AADSTS_CODES } from '@/lib/entra/aadsts-advice';
import {
  DOC_PATH,
  normalizeTable,
  readDocTable,
  renderAadstsTable,
} from '../../scripts/render-aadsts-table';

describe('the AADSTS table of docs/deploy-azure.md', () => {
  const doc = readFileSync(DOC_PATH, 'utf8');

  it('is exactly what lib/entra/aadsts-advice.ts renders (run scripts/render-aadsts-table.ts --write)', () => {
    expect(normalizeTable(readDocTable(doc) ?? '')).toBe(normalizeTable(renderAadstsTable()));
  });

  it('has one row per advised code', () => {
    const table = readDocTable(doc) ?? '';
    for (const code of ADVISED_AADSTS_CODES)
      expect(table).toMatch(new RegExp(`\\| AADSTS${code} +\\|`));
    expect(table.split('\n').filter((l) => l.startsWith('| AADSTS'))).toHaveLength(
      ADVISED_AADSTS_CODES.length,
    );
  });
});
