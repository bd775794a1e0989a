/**
 * Fills one partner's access rows directly (the sync's output, without the sync), so the bench
 * can time the access view as the database query it is:
 *   node --import tsx --conditions=react-server bench/access-seed-rows.ts <partner-tenant-id> <count>
 */
import { createAccessRepository, type DerivedRowInput } from '@/lib/access/repository';
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
    relationships: [],
    endDate: new Date(now + ((i % 400) + 1) * 86_400_000).toISOString(),
    autoExtend: i % 3 === 0,
    globalAdmin: i % 7 === 0,
  }));
  await repo.replaceDerived(partner, rows);
  await repo.writeSyncState(partner, {
    status: 'idle',
    lastFullPassAt: new Date(),
    relationshipsAt: new Date(),
    relationshipCount: count,
  });
  await db.destroy();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
