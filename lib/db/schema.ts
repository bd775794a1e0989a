import type { AccessTables } from './tables/access-tables';
import type { ActivityTables } from './tables/activity-tables';
import type { AlertsTables } from './tables/alerts-tables';
import type { FleetTables } from './tables/fleet-tables';
import type { KeepaliveTables } from './tables/keepalive-tables';

/**
 * Every table the portal's queries see, one entry per concern. A concern that adds tables writes
 * its own `tables/<concern>-tables.ts` (an interface of table name → row type, with Kysely's
 * `Generated`/`ColumnType` for defaults) and adds it here with one `&`.
 */
export type Database = ActivityTables & AlertsTables & KeepaliveTables & AccessTables & FleetTables;
