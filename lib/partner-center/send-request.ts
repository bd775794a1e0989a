import { isBudgetExhausted } from '@/lib/budget/request-budget';
import { isGuid } from '@/lib/ids/guid';
import { randomUUID } from 'node:crypto';
import { currentLogContext, log } from '@/lib/log';
import { codeForStatus, PartnerCenterError } from './partner-center-error';
import { errorBodySchema } from './schemas';
import { isRetryableStatus, parseRetryAfter, retryDelayMs, type RetryPolicy } from './retry-policy';

/**
 * A shared request budget (lib/budget over lib/fleet's PostgreSQL store for the customer routes):
 * `take` before every attempt, so retries count too; `throttled` on a 429, so every caller of the
 * partner tenant, on every instance, slows down and not just this one. Same shape as lib/graph's.
 */
export interface PartnerCenterBudget {
  take(): Promise<void>;
  throttled(retryAfterMs: number | undefined): void | Promise<void>;
}

export interface TransportOptions {
  baseUrl: string;
  budget?: PartnerCenterBudget;
  getToken: () => Promise<string>;
  timeoutMs: number;
  retry: RetryPolicy;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export interface PartnerCenterRequest {
  /** Path and query below the base URL, e.g. `/v1/customers?size=500`. */
  path: string;
  headers?: Record<string, string>;
  /** GET by default. POST and DELETE carry the same MS-RequestId on every retry (idempotency). */
  method?: 'GET' | 'POST' | 'DELETE';
  /** JSON body of a POST. */
  body?: unknown;
  /** Statuses that are answers, not failures (e.g. 409 "already exists" for a consent POST). */
  acceptStatuses?: readonly number[];
}

export interface CallIds {
  requestId: string;
  correlationId: string;
}

/** What one attempt produced: a full response (status, headers, body text), or no response at all. */
type Attempt =
  | { kind: 'response'; status: number; retryAfter: string | null; text: string }
  | { kind: 'no-response'; timedOut: boolean; cause: unknown };

/**
 * Sends one idempotent GET and returns its parsed JSON body, retrying 429, 408, 5xx, timeouts and
 * dropped connections. The same MS-RequestId goes with every retry of this call (Partner Center
 * uses it for idempotency); the MS-CorrelationId comes from the current request's log context so
 * that our log lines and Microsoft's can be matched.
 */
export async function sendGet(
  opts: TransportOptions,
  req: PartnerCenterRequest,
): Promise<{ body: unknown; ids: CallIds }> {
  const { body, ids } = await sendRequest(opts, req);
  return { body, ids };
}

/**
 * Sends one request (GET, or a POST/DELETE Partner Center makes idempotent through
 * MS-RequestId) with the same retries as sendGet. A status in `acceptStatuses` is returned, not
 * thrown, with the parsed body when there is one.
 */
export async function sendRequest(
  opts: TransportOptions,
  req: PartnerCenterRequest,
): Promise<{ status: number; body: unknown; ids: CallIds }> {
  const ids: CallIds = {
    requestId: randomUUID(),
    correlationId: currentLogContext()?.correlationId ?? randomUUID(),
  };
  const route = routeTemplate(req.path);

  for (let attempt = 0; ; attempt++) {
    if (opts.budget) await takeBudget(opts.budget, ids);
    const started = opts.now();
    const result = await attemptOnce(opts, req, ids);
    const elapsedMs = opts.now() - started;
    const status = result.kind === 'response' ? result.status : undefined;

    const accepted =
      status !== undefined &&
      ((status >= 200 && status < 300) || (req.acceptStatuses ?? []).includes(status));
    if (result.kind === 'response' && status !== undefined && accepted) {
      log.debug({ pc: { route, status, attempt, elapsedMs, ...ids } }, 'partner center call');
      const body = result.text.trim() ? parseBody(result.text, status, ids) : undefined;
      return { status, body, ids };
    }

    const retryAfterMs =
      result.kind === 'response' ? parseRetryAfter(result.retryAfter, opts.now()) : undefined;
    if (status === 429) await opts.budget?.throttled(retryAfterMs);
    const delay = retryDelayMs(attempt + 1, retryAfterMs, opts.retry);
    const retryable = status === undefined || isRetryableStatus(status);
    const canRetry = retryable && attempt < opts.retry.maxRetries && delay <= opts.retry.maxDelayMs;
    const timedOut = result.kind === 'no-response' && result.timedOut;
    log.warn(
      {
        pc: {
          route,
          status,
          attempt,
          elapsedMs,
          timedOut,
          retryInMs: canRetry ? delay : undefined,
          ...ids,
        },
      },
      canRetry ? 'partner center call failed; retrying' : 'partner center call failed',
    );
    if (!canRetry) throw toError(result, ids, retryAfterMs);
    await opts.sleep(delay);
  }
}

/**
 * Waits for the shared budget. A wait refused because Partner Center itself throttled the tenant
 * (a 429 seen here or on another instance) is reported as Partner Center's throttle, with the
 * time left, not as our own window being full: that is what the partner needs to hear.
 */
async function takeBudget(budget: PartnerCenterBudget, ids: CallIds): Promise<void> {
  try {
    await budget.take();
  } catch (e) {
    if (!isBudgetExhausted(e) || e.reason !== 'throttled') throw e;
    throw new PartnerCenterError(
      'partner_center_throttled',
      { upstreamStatus: 429, retryAfterSeconds: Math.ceil(e.retryAfterMs / 1000), ...ids },
      { cause: e },
    );
  }
}

async function attemptOnce(
  opts: TransportOptions,
  req: PartnerCenterRequest,
  ids: CallIds,
): Promise<Attempt> {
  // Token errors (a dead grant, say) are the broker's own typed errors: let them through, and
  // keep the broker's time out of Partner Center's timeout.
  const token = await opts.getToken();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  try {
    const response = await opts.fetch(`${opts.baseUrl}${req.path}`, {
      method: req.method ?? 'GET',
      signal: controller.signal,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      headers: {
        ...(req.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'MS-Contract-Version': 'v1',
        'MS-RequestId': ids.requestId,
        'MS-CorrelationId': ids.correlationId,
        'MS-PartnerCenter-Application': 'partner-portal',
        'X-Locale': 'en-US',
        ...req.headers,
      },
    });
    // The body is read inside the timeout too: a connection dropped mid-body is a retryable fault.
    const text = await response.text();
    return {
      kind: 'response',
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      text,
    };
  } catch (cause) {
    return { kind: 'no-response', timedOut, cause };
  } finally {
    clearTimeout(timer);
  }
}

function parseBody(text: string, status: number, ids: CallIds): unknown {
  try {
    // Partner Center prefixes some bodies with a UTF-8 BOM.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new PartnerCenterError(
      'partner_center_bad_response',
      { upstreamStatus: status, ...ids },
      { cause },
    );
  }
}

function toError(result: Attempt, ids: CallIds, retryAfterMs?: number): PartnerCenterError {
  if (result.kind === 'no-response') {
    return new PartnerCenterError(
      result.timedOut ? 'partner_center_timeout' : 'partner_center_unavailable',
      { ...ids },
      { cause: result.cause },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(result.text.replace(/^\uFEFF/, ''));
  } catch {
    body = undefined;
  }
  const parsed = errorBodySchema.safeParse(body);
  const data = parsed.success ? parsed.data : undefined;
  return new PartnerCenterError(codeForStatus(result.status), {
    upstreamStatus: result.status,
    partnerCenterCode: data?.code === undefined ? undefined : String(data.code),
    description: (data?.description ?? data?.message)?.slice(0, 1024),
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    ...ids,
  });
}

/** `/v1/customers/<guid>/subscriptions` → `/v1/customers/{id}/subscriptions`: a stable log key that the redactor leaves alone. */
export function routeTemplate(path: string): string {
  return (path.split('?')[0] ?? '')
    .split('/')
    .map((segment) => (isGuid(segment) ? '{id}' : segment))
    .join('/');
}
