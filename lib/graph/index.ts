import 'server-only';

export {
  createGraphClient,
  MAX_RELATIONSHIP_PAGE,
  type GraphClient,
  type GraphClientOptions,
} from './create-client';
export { GraphError, isGraphError, type GraphErrorCode } from './graph-error';
export type { GraphRequestBudget } from './send-request';
export * from './types';
