import 'server-only';
import type { Kysely } from 'kysely';
import { getDatabase, isBootPending, type Database } from '@/lib/db';
import { currentLogContext, log } from '@/lib/log';
import { processSingleton } from '@/lib/tokens/process-singleton';
import type { ActivityEvent } from './activity-event';
import { createAnonymousBudget } from './anonymous-budget';
import { toActivityRow } from './activity-row';

const anonymousBudget = () =>
  processSingleton('activity.anonymous-budget', () => createAnonymousBudget(60));

/**
 * Records one activity row and emits it as a structured log line (`msg: "activity"`, the row
 * under `activity`) for shipping to a SIEM. Never throws into the caller's flow: an action that
 * succeeded is not undone because its audit row could not be written; that failure is logged
 * with `errorCode: "activity_not_recorded"` instead.
 */
export async function recordActivity(event: ActivityEvent, db?: Kysely<Database>): Promise<void> {
  const row = toActivityRow(event, currentLogContext()?.correlationId);
  if (row.actor_type === 'anonymous') {
    const { allowed, droppedInLastWindow } = anonymousBudget().take();
    if (droppedInLastWindow)
      log.warn(
        { errorCode: 'activity_rate_limited', dropped: droppedInLastWindow },
        'anonymous refusals not recorded',
      );
    if (!allowed) return;
  }
  log.info({ activity: row }, 'activity');
  if (!db && isBootPending()) {
    log.warn(
      { errorCode: 'activity_not_recorded', kind: row.kind },
      'activity not recorded: database unavailable',
    );
    return;
  }
  try {
    await (db ?? getDatabase()).insertInto('activity_log').values(row).execute();
  } catch (e) {
    log.warn(
      {
        errorCode: 'activity_not_recorded',
        kind: row.kind,
        err: e instanceof Error ? e.message : String(e),
      },
      'activity not recorded',
    );
  }
}
