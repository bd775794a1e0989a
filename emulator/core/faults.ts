import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type ServiceName = 'entra' | 'keyvault' | 'partner-center' | 'graph';

export interface FaultSpec {
  service: ServiceName;
  /** Regular expression matched against `METHOD /path` (path without query), e.g. `GET /v1/customers`. */
  route: string;
  kind: 'latency' | 'status' | 'drop';
  /** For `latency`: added delay in milliseconds. */
  delayMs?: number;
  /** For `status`: 429, 500 or 503. */
  status?: 429 | 500 | 503;
  /** Seconds sent as Retry-After with a 429 or 503 (default 1). */
  retryAfter?: number;
  /** Apply to the next N matching requests; omit to apply until reset. */
  count?: number;
  /** Apply to this fraction (0–1) of matching requests, chosen deterministically. */
  ratio?: number;
}

interface ActiveFault extends FaultSpec {
  id: number;
  pattern: RegExp;
  seen: number;
  applied: number;
}

/** Bodies a real service answers with for an injected status, so clients parse them as usual. */
export type FaultBody = (status: number, retryAfter: number) => unknown;

/**
 * Test-only fault injection: added latency, an error status or a dropped connection, per
 * service and route pattern, for the next N requests or a ratio of them. Cleared by reset.
 */
export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): number {
    const pattern = new RegExp(spec.route);
    const id = this.nextId++;
    this.faults.push({ ...spec, id, pattern, seen: 0, applied: 0 });
    return id;
  }

  list(): FaultSpec[] {
    return this.faults.map(({ pattern: _p, ...rest }) => rest);
  }

  clear(): void {
    this.faults = [];
  }

  /** Picks the fault (if any) for this request and counts it as applied. */
  take(service: ServiceName, method: string, path: string): ActiveFault | undefined {
    const key = `${method} ${path}`;
    for (const f of this.faults) {
      if (f.service !== service || !f.pattern.test(key)) continue;
      if (f.count !== undefined && f.applied >= f.count) continue;
      f.seen += 1;
      // Deterministic ratio: apply when the running share of applied requests falls below it.
      if (f.ratio !== undefined && f.applied >= Math.floor(f.seen * f.ratio)) continue;
      f.applied += 1;
      return f;
    }
    return undefined;
  }

  /** Installs the fault hook on a service's server; it runs before routing and body parsing. */
  install(app: FastifyInstance, service: ServiceName, body: FaultBody): void {
    app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0] ?? req.url;
      const fault = this.take(service, req.method, path);
      if (!fault) return;
      if (fault.kind === 'latency') {
        await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
        return;
      }
      if (fault.kind === 'drop') {
        req.raw.socket.destroy();
        return reply.hijack();
      }
      const status = fault.status ?? 500;
      const retryAfter = fault.retryAfter ?? 1;
      if (status === 429 || status === 503) void reply.header('Retry-After', String(retryAfter));
      return reply.code(status).send(body(status, retryAfter));
    });
  }
}
