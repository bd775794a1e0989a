import type { Migration } from 'kysely';

/**
 * Every migration, in order, as a static list: Next bundles the server, so a folder scan at run
 * time would find nothing. A concern adds its migration with ONE line here, naming the file
 * `YYYYMMDDHHMM_<concern>_<what>.ts` (UTC time of writing) so names from parallel branches never
 * collide and sort by time. Never edit or rename a migration once it is on main: add a new one.
 */
export const migrationFiles: ReadonlyArray<readonly [string, () => Promise<Migration>]> = [
  ['202611300130_db_activity_log', () => import('./202611300130_db_activity_log')],
];
