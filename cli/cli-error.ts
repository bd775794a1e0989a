import { AppError } from '@/lib/errors/app-error';

export type CliErrorCode =
  | 'invalid_tenant'
  | 'invalid_customer_id'
  | 'tenant_not_found'
  | 'connection_not_found'
  | 'invalid_usage';

const STATUS: Record<CliErrorCode, number> = {
  invalid_tenant: 400,
  invalid_customer_id: 400,
  invalid_usage: 400,
  tenant_not_found: 404,
  connection_not_found: 404,
};

/** A failure the console itself detects, before or instead of asking lib/. */
export class CliError extends AppError {
  constructor(
    override readonly code: CliErrorCode,
    message: string,
    /** What to do about it, printed under the message. */
    readonly hint?: string,
  ) {
    super(code, message, STATUS[code]);
  }
}
