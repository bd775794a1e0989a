import type {
  CustomerDirectoryStore,
  DirectoryLease,
  DirectorySync,
} from '@/lib/customers/customer-directory-store';
import type { ListError } from '@/lib/customers/customer-list-entry';
import type { TenantId } from '@/lib/ids/tenant-id';
import type { CustomerSummary, Relationship } from '@/lib/partner-center/types';
import { isGuid } from '@/lib/ids/guid';
import { withTransaction, type PoolClient, type SqlPool } from './sql-pool';

/** The first key of directory-load locks (tenant locks use TENANT_LOCK_CLASS). */
export const DIRECTORY_LOCK_CLASS = 0x7e1b;

/**
 * The shared customer directory in `customer_directory` (one row per partner tenant and customer
 * tenant; the access view joins on those two) and `customer_directory_sync` (one row per partner:
 * the load's generation, status and progress). The instance that loads a partner's list holds a
 * transaction-level advisory lock for the length of the load, on a connection of the lock pool;
 * if it dies, the lock dies with its connection and the next request takes over.
 */
export class PgCustomerDirectory implements CustomerDirectoryStore {
  constructor(
    private readonly pool: SqlPool,
    private readonly lockPool: SqlPool,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `fn` in a transaction bound to one partner tenant: as the role `portal_directory_tenant`
   * with `portal.partner_tenant_id` set for this transaction only, so row-level security on
   * `customer_directory` shows and accepts that partner's rows and no others (migration
   * 202611300900_fleet_customer_directory_rls). Every query of customer rows goes through here.
   */
  private async scoped<T>(tenant: TenantId, fn: (client: PoolClient) => Promise<T>): Promise<T> {
    // The type says it was parsed; this guard stays because the id becomes a security setting.
    if (!isGuid(tenant)) throw new Error('customer directory: the tenant id is not a GUID');
    return withTransaction(this.pool, async (client) => {
      await client.query(
        `SELECT set_config('role', 'portal_directory_tenant', true),
                set_config('portal.partner_tenant_id', $1, true)`,
        [tenant],
      );
      return fn(client);
    });
  }

  async readSync(tenantId: TenantId): Promise<DirectorySync | undefined> {
    const { rows } = await this.pool.query<{
      generation: string;
      status: DirectorySync['status'];
      pages: number;
      loaded: number;
      completed_at: string | null;
      error_code: string | null;
      error_message: string | null;
    }>(
      `SELECT generation, status, pages, loaded, completed_at, error_code, error_message
       FROM customer_directory_sync WHERE partner_tenant_id = $1`,
      [tenantId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      generation: Number(r.generation),
      status: r.status,
      pages: r.pages,
      loaded: r.loaded,
      completedAt: r.completed_at === null ? undefined : Number(r.completed_at),
      error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : undefined,
    };
  }

  async tryLead(tenantId: TenantId): Promise<DirectoryLease | undefined> {
    const tenant = tenantId;
    const client: PoolClient = await this.lockPool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1::int4, hashtext($2)) AS locked',
        [DIRECTORY_LOCK_CLASS, tenant],
      );
      if (!rows[0]?.locked) {
        await client.query('ROLLBACK');
        client.release();
        return undefined;
      }
    } catch (e) {
      client.release(e as Error);
      throw e;
    }
    try {
      const { rows } = await this.pool.query<{ generation: string }>(
        `INSERT INTO customer_directory_sync (partner_tenant_id, generation, status, pages, loaded, started_at)
         VALUES ($1, 1, 'loading', 0, 0, $2)
         ON CONFLICT (partner_tenant_id) DO UPDATE
           SET generation = customer_directory_sync.generation + 1, status = 'loading', pages = 0,
               loaded = 0, started_at = $2, completed_at = NULL, error_code = NULL, error_message = NULL
         RETURNING generation`,
        [tenant, this.now()],
      );
      return this.lease(client, tenant, Number(rows[0]!.generation));
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw e;
    }
  }

  private lease(client: PoolClient, tenant: TenantId, generation: number): DirectoryLease {
    let ended = false;
    return {
      generation,
      addPage: async (items: CustomerSummary[]) => {
        await this.scoped(tenant, (c) =>
          c.query(
            `WITH page AS (
             INSERT INTO customer_directory
               (partner_tenant_id, customer_tenant_id, company_name, domain, relationship, generation)
             SELECT $1, id, name, domain, relationship, $6
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(id, name, domain, relationship)
             ON CONFLICT (partner_tenant_id, customer_tenant_id) DO UPDATE
               SET company_name = EXCLUDED.company_name, domain = EXCLUDED.domain,
                   relationship = EXCLUDED.relationship, generation = EXCLUDED.generation,
                   seq = DEFAULT
               WHERE customer_directory.generation <> EXCLUDED.generation
             RETURNING 1)
           UPDATE customer_directory_sync
             SET pages = pages + 1, loaded = loaded + (SELECT count(*) FROM page)
           WHERE partner_tenant_id = $1 AND generation = $6`,
            [
              tenant,
              items.map((c) => c.id.toLowerCase()),
              items.map((c) => c.companyName),
              items.map((c) => c.domain),
              items.map((c) => c.relationship),
              generation,
            ],
          ),
        );
      },
      end: async ({ error }: { error?: ListError }) => {
        if (ended) return;
        ended = true;
        let failure: Error | undefined;
        try {
          if (error) {
            await this.pool.query(
              `UPDATE customer_directory_sync SET status = 'error', error_code = $3, error_message = $4
               WHERE partner_tenant_id = $1 AND generation = $2`,
              [tenant, generation, error.code, error.message.slice(0, 500)],
            );
          } else {
            await this.scoped(tenant, (c) =>
              c.query(
                'DELETE FROM customer_directory WHERE partner_tenant_id = $1 AND generation <> $2',
                [tenant, generation],
              ),
            );
            await this.pool.query(
              `UPDATE customer_directory_sync SET status = 'complete', completed_at = $3
               WHERE partner_tenant_id = $1 AND generation = $2`,
              [tenant, generation, this.now()],
            );
          }
          await client.query('COMMIT');
        } catch (e) {
          failure = e as Error;
          throw e;
        } finally {
          client.release(failure);
        }
      },
    };
  }

  async readRows(tenantId: TenantId, generation: number, afterSeq: number) {
    const { rows } = await this.scoped(tenantId, (c) =>
      c.query<{
        customer_tenant_id: string;
        company_name: string;
        domain: string;
        relationship: Relationship;
        seq: string;
      }>(
        `SELECT customer_tenant_id, company_name, domain, relationship, seq
       FROM customer_directory
       WHERE partner_tenant_id = $1 AND generation = $2 AND seq > $3
       ORDER BY seq`,
        [tenantId, generation, afterSeq],
      ),
    );
    return {
      items: rows.map((r) => ({
        id: r.customer_tenant_id,
        companyName: r.company_name,
        domain: r.domain,
        relationship: r.relationship,
      })),
      lastSeq: rows.length ? Number(rows[rows.length - 1]!.seq) : afterSeq,
    };
  }

  async forget(tenantId: TenantId): Promise<void> {
    const tenant = tenantId;
    await this.scoped(tenant, (c) =>
      c.query('DELETE FROM customer_directory WHERE partner_tenant_id = $1', [tenant]),
    );
    await this.pool.query('DELETE FROM customer_directory_sync WHERE partner_tenant_id = $1', [
      tenant,
    ]);
  }
}
