import { AppError } from '@/lib/errors/app-error';

export type PartnerCenterErrorCode =
  | 'partner_center_throttled'
  | 'partner_center_unauthorized'
  | 'partner_center_forbidden'
  | 'partner_center_not_found'
  | 'partner_center_unavailable'
  | 'partner_center_timeout'
  | 'partner_center_bad_response'
  | 'partner_center_error';

const MESSAGES: Record<PartnerCenterErrorCode, string> = {
  partner_center_throttled:
    'Partner Center is throttling requests from this partner. Try again shortly.',
  partner_center_unauthorized:
    'Partner Center refused the access token (it may lack MFA or have expired).',
  partner_center_forbidden: 'Partner Center denied access to this resource.',
  partner_center_not_found: 'Partner Center has no such resource.',
  partner_center_unavailable: 'Partner Center is unavailable right now. Try again shortly.',
  partner_center_timeout: 'Partner Center did not answer in time. Try again shortly.',
  partner_center_bad_response: 'Partner Center returned a response the portal could not read.',
  partner_center_error: 'Partner Center returned an error.',
};

/** The HTTP status our own routes answer with for each failure (404 stays 404; upstream faults are 502/503). */
const OUR_STATUS: Record<PartnerCenterErrorCode, number> = {
  partner_center_throttled: 503,
  partner_center_unauthorized: 502,
  partner_center_forbidden: 502,
  partner_center_not_found: 404,
  partner_center_unavailable: 503,
  partner_center_timeout: 504,
  partner_center_bad_response: 502,
  partner_center_error: 502,
};

export function codeForStatus(status: number): PartnerCenterErrorCode {
  if (status === 429) return 'partner_center_throttled';
  if (status === 401) return 'partner_center_unauthorized';
  if (status === 403) return 'partner_center_forbidden';
  if (status === 404) return 'partner_center_not_found';
  if (status === 408 || status === 504) return 'partner_center_timeout';
  if (status >= 500) return 'partner_center_unavailable';
  return 'partner_center_error';
}

/**
 * A failed Partner Center call. `message` is safe to show; `upstreamStatus`, `partnerCenterCode`
 * and the ids let support match our log line with Microsoft's.
 */
export class PartnerCenterError extends AppError {
  constructor(
    code: PartnerCenterErrorCode,
    readonly details: {
      /** Partner Center's HTTP status, or undefined when no response arrived. */
      upstreamStatus?: number;
      /** The `code` from Partner Center's error body, e.g. "20002". */
      partnerCenterCode?: string;
      /** Partner Center's own description; may name ids, so it goes to logs, not pages. */
      description?: string;
      requestId: string;
      correlationId: string;
      retryAfterSeconds?: number;
    },
    options?: { cause?: unknown },
  ) {
    super(code, MESSAGES[code], OUR_STATUS[code], options);
  }

  get upstreamStatus(): number | undefined {
    return this.details.upstreamStatus;
  }
}

/** Shape-based, so it holds across Next's bundle layers (an instance may come from another bundle's copy). */
export function isPartnerCenterError(e: unknown): e is PartnerCenterError {
  if (!(e instanceof Error) || e.name !== 'AppError') return false;
  const { code, details } = e as Error & { code?: unknown; details?: unknown };
  return (
    typeof code === 'string' &&
    code.startsWith('partner_center_') &&
    typeof details === 'object' &&
    details !== null
  );
}
