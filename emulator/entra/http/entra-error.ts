import { randomUUID } from 'node:crypto';

/** One Entra error: the OAuth `error`, the AADSTS number, its text, and the optional `suberror`. */
export interface EntraErrorSpec {
  error: string;
  code: number;
  message: string;
  suberror?: string;
  /** HTTP status at the token endpoint (400 unless said otherwise; `invalid_client` is 401). */
  status?: number;
}

export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
}

/** Entra's timestamp format in error bodies: `2016-01-09 02:02:12Z`. */
export function entraTimestamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Thrown inside grant handlers; the route turns it into Entra's JSON error. */
export class EntraError extends Error {
  constructor(readonly spec: EntraErrorSpec) {
    super(`AADSTS${spec.code}: ${spec.message}`);
  }
}

/**
 * The JSON error body Entra sends from /token (and discovery): the description carries the
 * AADSTS code, then Trace ID, Correlation ID and Timestamp lines separated by CRLF.
 */
export function entraErrorBody(
  spec: EntraErrorSpec,
  opts: { now: number; authorityHost: string; correlationId?: string },
): EntraErrorBody {
  const traceId = randomUUID();
  const correlationId = opts.correlationId ?? randomUUID();
  const timestamp = entraTimestamp(opts.now);
  return {
    error: spec.error,
    error_description: `AADSTS${spec.code}: ${spec.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [spec.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${opts.authorityHost}/error?code=${spec.code}`,
    ...(spec.suberror ? { suberror: spec.suberror } : {}),
  };
}
