import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Identifiers that tie a log line to one request and, across services, to one operation. */
export interface LogContext {
  requestId: string;
  correlationId: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

/**
 * Runs `fn` with a request id and a correlation id that every log line (and every Partner
 * Center call, as MS-CorrelationId) inside it will carry. An incoming `x-correlation-id` is kept
 * only if it is a GUID, so a caller cannot inject text into our logs.
 */
export function withLogContext<T>(fn: () => T, incomingCorrelationId?: string | null): T {
  const correlationId =
    incomingCorrelationId && /^[0-9a-f-]{36}$/i.test(incomingCorrelationId)
      ? incomingCorrelationId
      : randomUUID();
  return storage.run({ requestId: randomUUID(), correlationId }, fn);
}
