import { type AppError, isAppError } from '@/lib/errors/app-error';

/** An AppError with one of `codes`; shape-based like isAppError, so it works across bundle layers. */
export function hasCode<C extends string>(
  e: unknown,
  codes: readonly C[],
): e is AppError & { code: C } {
  return isAppError(e) && (codes as readonly string[]).includes(e.code);
}
