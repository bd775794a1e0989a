import 'server-only';

export { recordActivity } from './record-activity';
export {
  ACTIVITY_KINDS,
  ACTIVITY_RESULTS,
  type ActivityActor,
  type ActivityEvent,
  type ActivityKind,
  type ActivityResult,
} from './activity-event';
export {
  ACTIVITY_PAGE_SIZE,
  activityQueryString,
  parseActivityQuery,
  type ActivityQuery,
} from './activity-query';
export { activityScopeOf } from './activity-scope';
export {
  listActivity,
  readAllActivity,
  type ActivityEntry,
  type ActivityPage,
} from './list-activity';
export { exportActivityCsv } from './export-activity-csv';
