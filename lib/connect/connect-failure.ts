import 'server-only';
import { AppError, isAppErrorOfKind } from '@/lib/errors/app-error';

/** Where in the callback a failure happened; logged, never shown. */
export type ConnectStage =
  | 'start'
  | 'state'
  | 'authorize'
  | 'redeem'
  | 'admin'
  | 'mfa'
  | 'partner_center'
  | 'allowlist'
  | 'store';

/**
 * A connect-flow failure with the stable code its page is found by (see connect-failures.ts for
 * the catalogue). `details` are safe, secret-free facts for the log line.
 */
export class ConnectFailure extends AppError {
  readonly kind = 'connect_failure';
  constructor(
    code: string,
    readonly stage: ConnectStage,
    readonly details: Record<string, string | number | boolean | undefined> = {},
    options?: { cause?: unknown },
  ) {
    super(code, `Connecting failed: ${code}`, 400, options);
  }
}

/** Shape-based: a ConnectFailure from another bundle's copy of this module counts too. */
export function isConnectFailure(e: unknown): e is ConnectFailure {
  return isAppErrorOfKind(e, 'connect_failure');
}
