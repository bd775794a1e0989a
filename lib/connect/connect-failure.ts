import 'server-only';
import { AppError } from '@/lib/errors/app-error';

/** Where in the callback a failure happened; logged, never shown. */
export type ConnectStage =
  'start' | 'state' | 'authorize' | 'redeem' | 'mfa' | 'partner_center' | 'allowlist' | 'store';

/**
 * A connect-flow failure with the stable code its page is found by (see connect-failures.ts for
 * the catalogue). `details` are safe, secret-free facts for the log line.
 */
export class ConnectFailure extends AppError {
  constructor(
    code: string,
    readonly stage: ConnectStage,
    readonly details: Record<string, string | number | boolean | undefined> = {},
    options?: { cause?: unknown },
  ) {
    super(code, `Connecting failed: ${code}`, 400, options);
  }
}

export function isConnectFailure(e: unknown): e is ConnectFailure {
  return e instanceof ConnectFailure;
}
