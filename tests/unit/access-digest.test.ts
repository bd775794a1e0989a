import { formatPayload } from '@/lib/alerts/format-payload';
import { digestNotice } from '@/lib/access/send-digest';
import { toTenantId } from '@/lib/ids/tenant-id';

const NOW = new Date('2026-11-30T07:00:00Z');
const items = Array.from({ length: 12 }, (_, i) => ({
  customerTenantId: toTenantId(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
  name: `Customer ${i}`,
  kind: (i < 11 ? 'expiring' : 'consent_lost') as 'expiring' | 'consent_lost',
  at: '2026-12-20T00:00:00Z',
}));

describe('the daily access digest notice', () => {
  it('says how many relationships expire and consents were lost, listing ten and counting the rest', () => {
    const n = digestNotice('t-1', 'Fabrikam', items, 30, NOW, 'https://portal.example');
    expect(n.advice?.title).toBe(
      'Daily access digest: 11 GDAP relationship(s) expiring, 1 app consent(s) lost',
    );
    expect(n.advice?.fix).toContain('Customer 0 (ends 2026-12-20)');
    expect(n.advice?.fix).toContain('and 1 more');
    expect(n.advice?.fix).toContain('App consent lost: Customer 11.');
    expect(n.connectionsUrl).toBe('https://portal.example/dashboard/access');
  });

  it('goes out in each alert format with the digest text', () => {
    const n = digestNotice('t-1', 'Fabrikam', items.slice(0, 1), 30, NOW, 'https://portal.example');
    for (const format of ['generic', 'slack', 'teams'] as const)
      expect(JSON.stringify(formatPayload(n, format))).toContain('Daily access digest');
  });
});
