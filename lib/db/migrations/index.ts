import type { Migration } from 'kysely';
import * as dbActivityLog from './202611300130_db_activity_log';
import * as alertsState from './202611300140_alerts_state';
import * as keepaliveResults from './202611300141_keepalive_results';
import * as accessCustomers from './202611300200_access_customers';
import * as activityPortalActor from './202611300430_activity_portal_actor';
import * as fleetCoordination from './202611300430_fleet_coordination';
import * as fleetCustomerDirectory from './202611300431_fleet_customer_directory';
import * as fleetTenantStateReason from './202611300600_fleet_tenant_state_reason';
import * as accessExpiryWindow from './202611300710_access_expiry_window';
import * as fleetCustomerDirectoryRls from './202611300900_fleet_customer_directory_rls';
import * as fleetChangeNotify from './202611301030_fleet_change_notify';

/**
 * Every migration, in order, as a static list: Next bundles the server, so a folder scan at run
 * time would find nothing (and Playwright's loader cannot follow a lazy `import()` of a .ts file).
 * A concern adds its migration with two lines here, its import and its entry, naming the file
 * `YYYYMMDDHHMM_<concern>_<what>.ts` (UTC time of writing) so names from parallel branches never
 * collide and sort by time. Never edit or rename a migration once it is on main: add a new one.
 */
export const migrationFiles: ReadonlyArray<readonly [string, Migration]> = [
  ['202611300130_db_activity_log', dbActivityLog],
  ['202611300140_alerts_state', alertsState],
  ['202611300141_keepalive_results', keepaliveResults],
  ['202611300200_access_customers', accessCustomers],
  ['202611300430_activity_portal_actor', activityPortalActor],
  ['202611300430_fleet_coordination', fleetCoordination],
  ['202611300431_fleet_customer_directory', fleetCustomerDirectory],
  ['202611300600_fleet_tenant_state_reason', fleetTenantStateReason],
  ['202611300710_access_expiry_window', accessExpiryWindow],
  ['202611300900_fleet_customer_directory_rls', fleetCustomerDirectoryRls],
  ['202611301030_fleet_change_notify', fleetChangeNotify],
];
