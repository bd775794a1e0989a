import 'server-only';

export {
  createPartnerCenterClient,
  MAX_PAGE_SIZE,
  type PartnerCenterClient,
  type PartnerCenterClientOptions,
  type ListCustomersProgress,
  type ApplicationConsentRequest,
} from './create-client';
export {
  PartnerCenterError,
  isPartnerCenterError,
  type PartnerCenterErrorCode,
} from './partner-center-error';
export * from './types';
