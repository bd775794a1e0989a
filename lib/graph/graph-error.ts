import { AppError } from '@/lib/errors/app-error';

export type GraphErrorCode =
  | 'graph_throttled'
  | 'graph_unauthorized'
  | 'graph_forbidden'
  | 'graph_not_found'
  | 'graph_unavailable'
  | 'graph_timeout'
  | 'graph_bad_response'
  | 'graph_bad_next_link'
  | 'graph_error';

const MESSAGES: Record<GraphErrorCode, string> = {
  graph_throttled: 'Microsoft Graph is throttling requests. Try again shortly.',
  graph_unauthorized: 'Microsoft Graph refused the access token.',
  graph_forbidden: 'Microsoft Graph denied access: a permission or GDAP role is missing.',
  graph_not_found: 'Microsoft Graph has no such resource.',
  graph_unavailable: 'Microsoft Graph is unavailable right now. Try again shortly.',
  graph_timeout: 'Microsoft Graph did not answer in time. Try again shortly.',
  graph_bad_response: 'Microsoft Graph returned a response the portal could not read.',
  graph_bad_next_link: 'Microsoft Graph returned a next-page link to another host.',
  graph_error: 'Microsoft Graph returned an error.',
};

const OUR_STATUS: Record<GraphErrorCode, number> = {
  graph_throttled: 503,
  graph_unauthorized: 502,
  graph_forbidden: 502,
  graph_not_found: 404,
  graph_unavailable: 503,
  graph_timeout: 504,
  graph_bad_response: 502,
  graph_bad_next_link: 502,
  graph_error: 502,
};

export function graphCodeForStatus(status: number): GraphErrorCode {
  if (status === 429) return 'graph_throttled';
  if (status === 401) return 'graph_unauthorized';
  if (status === 403) return 'graph_forbidden';
  if (status === 404) return 'graph_not_found';
  if (status === 408 || status === 504) return 'graph_timeout';
  if (status >= 500) return 'graph_unavailable';
  return 'graph_error';
}

export interface GraphErrorDetails {
  /** Graph's HTTP status, or undefined when no response arrived. */
  upstreamStatus?: number;
  /** The envelope's `error.code`, e.g. `Request_ResourceNotFound`, `Authorization_RequestDenied`. */
  graphCode?: string;
  /** Graph's own message; may name ids, so it goes to logs, not pages. */
  description?: string;
  /** Our `client-request-id` (the log correlation id) and Graph's `request-id`. */
  clientRequestId: string;
  requestId?: string;
  retryAfterSeconds?: number;
}

/** A failed Graph call. `message` is safe to show; the details let support match logs. */
export class GraphError extends AppError {
  constructor(
    code: GraphErrorCode,
    readonly details: GraphErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(code, MESSAGES[code], OUR_STATUS[code], options);
  }

  get graphCode(): string | undefined {
    return this.details.graphCode;
  }

  get upstreamStatus(): number | undefined {
    return this.details.upstreamStatus;
  }
}

/** Shape-based, so it holds across Next's bundle layers. */
export function isGraphError(e: unknown): e is GraphError {
  if (!(e instanceof Error) || e.name !== 'AppError') return false;
  const { code, details } = e as Error & { code?: unknown; details?: unknown };
  return (
    typeof code === 'string' &&
    code.startsWith('graph_') &&
    typeof details === 'object' &&
    details !== null
  );
}
