import cronParser from 'cron-parser';

/** When a cron expression (UTC, as pg-boss reads it) fires next after `from`. */
export function nextRunAt(cron: string, from: Date = new Date()): Date {
  return cronParser.parseExpression(cron, { tz: 'UTC', currentDate: from }).next().toDate();
}
