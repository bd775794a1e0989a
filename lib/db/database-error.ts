import { AppError, isAppError } from '@/lib/errors/app-error';

/** Node socket errors and PostgreSQL classes 08 (connection) and 57P (shutdown / cannot connect). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/**
 * Whether `e` means "the database cannot be reached right now" rather than a bug in a query.
 * Shape-based: pg's errors carry a `code`, and its pool's own timeouts only a message.
 */
export function isDatabaseUnreachable(e: unknown): boolean {
  // No `instanceof Error`: Node's socket errors may come from another realm (jest, Next's layers).
  if (typeof e !== 'object' || e === null) return false;
  const { code, message, errors } = e as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08')))
    return true;
  if (Array.isArray(errors)) return errors.some(isDatabaseUnreachable);
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(
      message,
    )
  );
}

export const DATABASE_UNAVAILABLE = 'database_unavailable';
export const DATABASE_BEHIND = 'database_behind';

export function databaseUnavailable(cause?: unknown): AppError {
  return new AppError(
    DATABASE_UNAVAILABLE,
    'The portal cannot reach its database right now, so this page is unavailable. Nothing was changed. ' +
      'Try again in a minute; if it persists, an operator can run `npm run doctor`.',
    503,
    { cause },
  );
}

export function databaseBehind(pending: string[]): AppError {
  return new AppError(
    DATABASE_BEHIND,
    `The database is not up to date with this version of the portal (${pending.length} migration(s) pending). ` +
      'Start the portal once (it migrates at start), or run `npm run doctor` for details.',
    503,
  );
}

/** Turns an outage into the stable `database_unavailable` error; anything else passes through. */
export function toDatabaseError(e: unknown): unknown {
  if (isAppError(e)) return e;
  return isDatabaseUnreachable(e) ? databaseUnavailable(e) : e;
}
