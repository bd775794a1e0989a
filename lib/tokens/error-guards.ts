import type { AppError } from '@/lib/errors/app-error';

/**
 * Type guards that work across Next's bundle layers. A process-wide singleton (see
 * process-singleton.ts) may throw an error whose class comes from another bundle's copy of the
 * module, where `instanceof` is false; these look at the stable shape instead.
 */
export function isAppErrorLike(e: unknown): e is AppError {
  return e instanceof Error && e.name === 'AppError' && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { status?: unknown }).status === 'number';
}

export function hasCode<C extends string>(e: unknown, codes: readonly C[]): e is AppError & { code: C } {
  return isAppErrorLike(e) && (codes as readonly string[]).includes(e.code);
}
