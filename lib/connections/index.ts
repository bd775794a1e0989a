import 'server-only';

export { listConnectionHealth, getConnectionHealth } from './list-connection-health';
export { listAllConnectionHealth } from './list-all-connection-health';
export { readConnectionHealth } from './read-connection-health';
export { checkConnectionNow } from './check-connection-now';
export { checkConnection, type CheckOutcome } from './check-connection';
export { disconnectConnection } from './disconnect-connection';
export { computeHealth } from './compute-health';
export { createActionToken } from './action-token';
export { canViewConnection, canDisconnect, tenantIdFromParam } from './connection-access';
export { readActionRequest } from './read-action-request';
export { connectionsPageUrl } from './connections-page-url';
export type { ConnectionHealth, HealthStatus, HealthAdvice } from './connection-health';
export {
  parseConnectionQuery,
  connectionQueryString,
  CONNECTION_SORTS,
  STATUS_GROUPS,
  type ConnectionQuery,
  type ConnectionSort,
  type StatusGroup,
} from './connection-query';
export { queryConnections, statusGroupOf, type ConnectionTablePage } from './query-connections';
