import { sql } from 'kysely';
import { toActivityRow } from '@/lib/activity/activity-row';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const TENANT_A = '11111111-1111-4111-8111-111111111111';
const TENANT_B = '22222222-2222-4222-8222-222222222222';

async function count(t: TestDatabase): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from activity_log`.execute(t.db);
  return Number(rows[0]!.n);
}

async function insert(t: TestDatabase, tenant: string, daysAgo: number): Promise<void> {
  const row = toActivityRow({
    kind: 'rotate',
    result: 'success',
    actor: { type: 'job' },
    partnerTenantId: tenant,
  });
  await t.db
    .insertInto('activity_log')
    .values({ ...row, at: new Date(Date.now() - daysAgo * 86_400_000) })
    .execute();
}

describe('the activity log table', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('is append-only: update, delete and truncate are refused, even for the table owner', async () => {
    await insert(t, TENANT_A, 0);
    await expect(sql`update activity_log set result = 'failed'`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from activity_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate activity_log`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await count(t)).toBe(1);
  });

  it('prunes only rows past the retention, through activity_prune()', async () => {
    await insert(t, TENANT_A, 401);
    await insert(t, TENANT_B, 500);
    await insert(t, TENANT_B, 399);
    const before = await count(t);
    const { rows } = await sql<{ removed: string }>`select activity_prune(400) as removed`.execute(
      t.db,
    );
    expect(Number(rows[0]!.removed)).toBe(2);
    expect(await count(t)).toBe(before - 2);
    await expect(sql`select activity_prune(0)`.execute(t.db)).rejects.toThrow(/at least 1/);
    // The permission to delete ended with the function's transaction.
    await expect(sql`delete from activity_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it("erases one partner's rows when it leaves, and nobody else's", async () => {
    const { rows } = await sql<{ removed: string }>`
      select activity_erase_partner(${TENANT_B}::uuid) as removed`.execute(t.db);
    expect(Number(rows[0]!.removed)).toBe(1);
    const left = await t.db.selectFrom('activity_log').select('partner_tenant_id').execute();
    expect(left.map((r) => r.partner_tenant_id)).toEqual([TENANT_A]);
  });
});
