import { randomUUID } from 'node:crypto';
import {
  isRetryableStatus,
  parseRetryAfter,
  retryDelayMs,
  type RetryPolicy,
} from '@/lib/partner-center/retry-policy';
import { currentLogContext, log } from '@/lib/log';
import { GraphError, graphCodeForStatus } from './graph-error';
import { graphErrorBodySchema } from './schemas';

/**
 * Where each attempt's request is counted before it is sent, and told about throttling. The
 * access sync passes its rate budget here, so retries are counted too and a 429 slows the whole
 * sweep down, not just this call.
 */
export interface GraphRequestBudget {
  take(): Promise<void>;
  throttled(retryAfterMs: number | undefined): void;
}

export interface GraphTransport {
  /** `https://graph.microsoft.com`, no trailing slash. */
  baseUrl: string;
  getToken: () => Promise<string>;
  timeoutMs: number;
  retry: RetryPolicy;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  budget?: GraphRequestBudget;
  /** `x-ms-throttle-priority`: `low` for background work, as Graph asks. */
  priority?: 'low' | 'normal' | 'high';
}

type Attempt =
  | {
      kind: 'response';
      status: number;
      retryAfter: string | null;
      requestId?: string;
      text: string;
    }
  | { kind: 'no-response'; timedOut: boolean; cause: unknown };

/**
 * Sends one GET to an absolute Graph URL (under the base URL) and returns its JSON body,
 * retrying 429, 408, 5xx, timeouts and dropped connections with Graph's guidance: honour
 * `Retry-After`, else back off exponentially. The `client-request-id` is the current request's
 * correlation id, so our log lines and Microsoft's can be matched.
 */
export async function sendGraphGet(
  t: GraphTransport,
  url: string,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const clientRequestId = currentLogContext()?.correlationId ?? randomUUID();
  const route = graphRouteTemplate(url);
  for (let attempt = 0; ; attempt++) {
    if (t.budget) await t.budget.take();
    const started = t.now();
    const result = await attemptOnce(t, url, headers, clientRequestId);
    const elapsedMs = t.now() - started;
    const status = result.kind === 'response' ? result.status : undefined;
    const requestId = result.kind === 'response' ? result.requestId : undefined;
    if (result.kind === 'response' && status !== undefined && status >= 200 && status < 300) {
      log.debug({ graph: { route, status, attempt, elapsedMs, clientRequestId } }, 'graph call');
      return parseBody(result.text, status, clientRequestId, requestId);
    }
    const retryAfterMs =
      result.kind === 'response' ? parseRetryAfter(result.retryAfter, t.now()) : undefined;
    if (status === 429) t.budget?.throttled(retryAfterMs);
    const delay = retryDelayMs(attempt + 1, retryAfterMs, t.retry);
    const retryable = status === undefined || isRetryableStatus(status);
    const canRetry = retryable && attempt < t.retry.maxRetries && delay <= t.retry.maxDelayMs;
    const timedOut = result.kind === 'no-response' && result.timedOut;
    // 404 is an answer (a service principal that is absent), not a fault worth a warning.
    const level = status === 404 ? 'debug' : 'warn';
    log[level](
      {
        graph: {
          route,
          status,
          attempt,
          elapsedMs,
          timedOut,
          retryInMs: canRetry ? delay : undefined,
          clientRequestId,
          requestId,
        },
      },
      canRetry ? 'graph call failed; retrying' : 'graph call failed',
    );
    if (!canRetry) throw toGraphError(result, clientRequestId, retryAfterMs);
    await t.sleep(delay);
  }
}

async function attemptOnce(
  t: GraphTransport,
  url: string,
  headers: Record<string, string>,
  clientRequestId: string,
): Promise<Attempt> {
  const token = await t.getToken();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, t.timeoutMs);
  try {
    const response = await t.fetch(url, {
      method: 'GET',
      signal: controller.signal,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'client-request-id': clientRequestId,
        'return-client-request-id': 'true',
        ...(t.priority ? { 'x-ms-throttle-priority': t.priority } : {}),
        ...headers,
      },
    });
    const text = await response.text();
    return {
      kind: 'response',
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      requestId: response.headers.get('request-id') ?? undefined,
      text,
    };
  } catch (cause) {
    return { kind: 'no-response', timedOut, cause };
  } finally {
    clearTimeout(timer);
  }
}

function parseBody(
  text: string,
  status: number,
  clientRequestId: string,
  requestId: string | undefined,
): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new GraphError(
      'graph_bad_response',
      { upstreamStatus: status, clientRequestId, requestId },
      { cause },
    );
  }
}

function toGraphError(result: Attempt, clientRequestId: string, retryAfterMs?: number): GraphError {
  if (result.kind === 'no-response') {
    return new GraphError(
      result.timedOut ? 'graph_timeout' : 'graph_unavailable',
      { clientRequestId },
      { cause: result.cause },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(result.text.replace(/^\uFEFF/, ''));
  } catch {
    body = undefined;
  }
  const parsed = graphErrorBodySchema.safeParse(body);
  const envelope = parsed.success ? parsed.data.error : undefined;
  return new GraphError(graphCodeForStatus(result.status), {
    upstreamStatus: result.status,
    graphCode: envelope?.code,
    description: envelope?.message?.slice(0, 1024),
    clientRequestId,
    requestId: result.requestId ?? envelope?.innerError?.['request-id'],
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
  });
}

/** A stable log key: ids and query strings removed (the redactor leaves it alone). */
export function graphRouteTemplate(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split('?')[0] ?? '';
  }
  return path
    .replace(/\('[^']*'\)/g, '({id})')
    .replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-[0-9a-f-]{36})?/gi,
      '{id}',
    );
}
