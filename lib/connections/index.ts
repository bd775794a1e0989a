import 'server-only';

export { listConnectionHealth, listAllConnectionHealth, getConnectionHealth } from './list-connection-health';
export { readConnectionHealth } from './read-connection-health';
export { checkConnectionNow, checkConnection, type CheckOutcome } from './check-connection-now';
export { disconnectConnection } from './disconnect-connection';
export { computeHealth } from './compute-health';
export { createActionToken } from './action-token';
export { canViewConnection } from './connection-access';
export { readActionRequest } from './read-action-request';
export { jsonError, errorCodeOf } from './json-error';
export { connectionsPageUrl } from './connections-page-url';
export type { ConnectionHealth, HealthStatus, HealthAdvice } from './connection-health';
