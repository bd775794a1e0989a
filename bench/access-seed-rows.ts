/**
 * Fills one partner's access rows directly (the sync's output, without the sync), so the bench
 * can time the access view as the database query it is:
 *   node --import tsx --conditions=react-server bench/access-seed-rows.ts <partner-tenant-id> <count>
 */
import { createAccessRepository, type DerivedRowInput } from '@/lib/access/repository';
import type { RelationshipSummary } from '@/lib/access/types';
import { createDatabase } from '@/lib/db/create-database';
import { migrateToLatest } from '@/lib/db/migrate';
import { parseTenantId, toTenantId } from '@/lib/ids/tenant-id';

async function main(): Promise<void> {
  const [partnerText, countText] = process.argv.slice(2);
  const partner = parseTenantId(partnerText);
  const count = Number(countText);
  if (!partner || !Number.isInteger(count) || count < 1)
    throw new Error('usage: <partner> <count>');
  const { db } = createDatabase(process.env.DATABASE_URL!, { max: 2 });
  await migrateToLatest(db);
  const repo = createAccessRepository(db);
  const now = Date.now();
  const states = ['gdap', 'gdap', 'gdap', 'pending', 'none'] as const;
  const rows: DerivedRowInput[] = Array.from({ length: count }, (_, i) => ({
    customerTenantId: toTenantId(
      `0000${(i + 1).toString(16).padStart(4, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`,
    ),
    name: `Bench Customer ${String(i).padStart(6, '0')}`,
    domain: `bench${i}.onmicrosoft.com`,
    inDirectory: true,
    access: states[i % states.length]!,
    // Rows as the sync writes them: each GDAP row carries its relationship and who holds its roles.
    relationships: states[i % states.length] === 'gdap' ? [relationship(i, now)] : [],
    endDate: new Date(now + ((i % 400) + 1) * 86_400_000).toISOString(),
    autoExtend: i % 3 === 0,
    globalAdmin: i % 7 === 0,
  }));
  // Seen now with the default 30-day window (the bench's rows have no history to compare).
  await repo.replaceDerived(partner, rows, new Date(now), 30);
  await repo.writeSyncState(partner, {
    status: 'idle',
    lastFullPassAt: new Date(),
    relationshipsAt: new Date(),
    relationshipCount: count,
  });
  await db.destroy();
}

const READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

function relationship(i: number, now: number): RelationshipSummary {
  const assignment = (n: number, roleId: string, roleName: string) => ({
    id: `0000${n}000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    status: 'active',
    groupId: `0000000${n}-0000-4000-8000-000000000000`,
    roleIds: [roleId],
    roleNames: [roleName],
  });
  return {
    id: `bench-${i}`,
    name: `Bench relationship ${i}`,
    status: 'active',
    roleIds: [READERS, HELPDESK],
    roleNames: ['Directory Readers', 'Helpdesk Administrator'],
    endDateTime: new Date(now + ((i % 400) + 1) * 86_400_000).toISOString(),
    autoExtend: i % 3 === 0,
    includesGlobalAdmin: false,
    mlt: false,
    lastModifiedDateTime: new Date(now).toISOString(),
    assignments: [
      assignment(1, READERS, 'Directory Readers'),
      assignment(2, HELPDESK, 'Helpdesk Administrator'),
    ],
  };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
