import { currentLogContext, log } from '@/lib/log';
import { isAppError } from './app-error';

/** The JSON error of every route: `{ error: { code, message, advice?, ref } }`. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** What to do, for failures that carry advice (a connection that needs a reconnect). */
    advice?: unknown;
    /** The correlation id of the request, for support. */
    ref?: string;
  };
}

/** The generic answer for anything unexpected: no detail, never a stack trace. */
const UNEXPECTED = {
  code: 'unexpected_error',
  message:
    'Something went wrong. Try again, and give the reference to the portal operator if it repeats.',
};

/**
 * The one error-to-response mapping: an expected failure (AppError) keeps its code, message and
 * status; anything else is logged with its cause and answered 503 with a generic message.
 */
export function toErrorBody(e: unknown): { status: number; body: ErrorBody } {
  const ref = currentLogContext()?.correlationId;
  if (isAppError(e)) {
    const advice = (e as { advice?: unknown }).advice;
    return {
      status: e.status,
      body: { error: { code: e.code, message: e.message, ...(advice ? { advice } : {}), ref } },
    };
  }
  log.error({ event: 'route_failed', error: e }, 'unexpected error in a route');
  return { status: 503, body: { error: { ...UNEXPECTED, ref } } };
}

/** The stable code of a failure, for a redirect notice; unexpected errors are logged first. */
export function errorCodeOf(e: unknown): string {
  if (isAppError(e)) return e.code;
  log.error({ event: 'route_failed', error: e }, 'unexpected error in a route');
  return UNEXPECTED.code;
}
