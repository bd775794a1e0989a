import 'server-only';

export { getTokenBroker } from './get-token-broker';
export { getCustomerTokenBroker } from './get-customer-token-broker';
export { CustomerTokenBroker, type CustomerTokenBrokerDeps } from './customer-token-broker';
export {
  TokenBroker,
  EXPIRY_MARGIN_MS,
  type TokenBrokerDeps,
  type RedeemNowResult,
} from './token-broker';
export { ConnectionError, isConnectionError, type ConnectionErrorCode } from './connection-error';
export { MemoryTokenCache, type TokenCache, type CachedAccessToken } from './token-cache';
export { MemorySingleFlight, type SingleFlight } from './single-flight';
export { processSingleton } from './process-singleton';
export { connectionLost, onConnectionLost } from './connection-lost';
export { MemoryTenantLock, type TenantLock, type TenantLockOptions } from './tenant-lock';
