import { AppError, isAppErrorOfKind } from '@/lib/errors/app-error';
import type { CodeAdvice as Advice } from '@/lib/entra/aadsts-advice';
import { hasCode } from './error-guards';

export type ConnectionErrorCode = 'connection_missing' | 'connection_needs_reconnect';

/**
 * The partner tenant's stored connection cannot produce tokens: there is none, or its grant is
 * dead and only an admin reconnecting can help. Pages show `advice` (the shared AADSTS table).
 */
export class ConnectionError extends AppError {
  readonly kind = 'connection';
  constructor(
    code: ConnectionErrorCode,
    readonly tenantId: string,
    readonly advice?: Advice,
    options?: { cause?: unknown },
  ) {
    super(
      code,
      code === 'connection_missing'
        ? 'Your organization is not connected to the portal.'
        : `Your organization's connection needs to be renewed: ${advice?.title ?? 'the stored sign-in no longer works'}.`,
      code === 'connection_missing' ? 404 : 409,
      options,
    );
  }
}

/** Shape-based, so it holds across Next's bundle layers (see error-guards.ts). */
export function isConnectionError(e: unknown): e is ConnectionError {
  return (
    isAppErrorOfKind(e, 'connection') &&
    hasCode(e, ['connection_missing', 'connection_needs_reconnect'])
  );
}
