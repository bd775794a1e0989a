import 'server-only';
import type { SessionUser } from '@/lib/auth';
import { activityCsvStream } from './activity-csv';
import type { ActivityQuery } from './activity-query';
import type { ActivityEntry } from './list-activity';
import { readAllActivity } from './list-activity';

/**
 * Every activity row `user` may see that matches the filters, as a CSV stream. The first batch
 * is read before the stream is returned, so a refusal or an unavailable database is a clear
 * error response, never a download that breaks off after its header.
 */
export async function exportActivityCsv(
  user: SessionUser,
  query: ActivityQuery,
): Promise<ReadableStream<Uint8Array>> {
  return activityCsvAfterFirstBatch(readAllActivity(user, query));
}

/** The CSV of `batches`, once their first batch has been read (errors surface here). */
export async function activityCsvAfterFirstBatch(
  batches: AsyncGenerator<ActivityEntry[]>,
): Promise<ReadableStream<Uint8Array>> {
  const first = await batches.next();
  async function* all() {
    if (first.done) return;
    yield first.value;
    yield* batches;
  }
  return activityCsvStream(all());
}
