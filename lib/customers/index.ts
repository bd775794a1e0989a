import 'server-only';

export {
  listCustomers,
  refreshCustomers,
  getCustomerListProgress,
  holdsCustomerList,
  isConnectionLive,
} from './list-customers';
export { getCustomerDetail, CustomerNotFoundError } from './get-customer-detail';
export { exportCustomersCsv } from './export-customers';
export { getCustomerListCache } from './get-customer-list-cache';
export {
  parseCustomerQuery,
  customerQueryString,
  DEFAULT_QUERY,
  PAGE_SIZES,
  SORT_FIELDS,
  type CustomerQuery,
  type SortField,
} from './customer-query';
export type { CustomerListPage } from './query-customers';
export type { ListError } from './customer-list-entry';
export { loadCustomerPage, type CustomerPageResult } from './load-customer-page';
export { loadCustomerDetail, type CustomerDetailResult } from './load-customer-detail';
