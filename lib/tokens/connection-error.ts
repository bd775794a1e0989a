import { AppError } from '@/lib/errors/app-error';
import type { Advice } from '@/lib/entra/aadsts-advice';

export type ConnectionErrorCode = 'connection_missing' | 'connection_needs_reconnect';

/**
 * The partner tenant's stored connection cannot produce tokens: there is none, or its grant is
 * dead and only an admin reconnecting can help. Pages show `advice` (the shared AADSTS table).
 */
export class ConnectionError extends AppError {
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

export function isConnectionError(e: unknown): e is ConnectionError {
  return e instanceof ConnectionError;
}
