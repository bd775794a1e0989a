/**
 * An expected failure with a stable, documented code. Its message is safe to show to the user;
 * anything else that is thrown is shown as a generic error with only a correlation id.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    /** Stable machine-readable code, e.g. `state_expired`. Never reworded once shipped. */
    readonly code: string,
    message: string,
    /** HTTP status for JSON routes. */
    readonly status = 400,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The subclasses of AppError that callers tell apart, each tagged with a `kind` field so that a
 * check can look at the error's shape (see isAppError for why never `instanceof`).
 */
export type AppErrorKind = 'entra' | 'vault' | 'connect_failure' | 'connection';

/** Whether `e` is an AppError subclass of `kind`, by shape. */
export function isAppErrorOfKind<K extends AppErrorKind>(
  e: unknown,
  kind: K,
): e is AppError & { kind: K } {
  return isAppError(e) && (e as { kind?: unknown }).kind === kind;
}

/**
 * Whether `e` is an AppError (or a subclass). It checks the shape, not `instanceof`: Next loads
 * pages and route handlers as separate copies of the same modules, and an error thrown by a
 * process-wide singleton may come from another copy's class.
 */
export function isAppError(e: unknown): e is AppError {
  return (
    e instanceof Error &&
    e.name === 'AppError' &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { status?: unknown }).status === 'number'
  );
}
