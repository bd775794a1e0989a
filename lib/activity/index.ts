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
