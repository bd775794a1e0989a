import type { FastifyInstance } from 'fastify';
import type { ServiceName } from './faults';

/**
 * Request counters per service, route and status (test- and bench-only, through the control
 * API). The benchmark reads them to prove that 50 cold dashboard requests cost one Key Vault
 * read and one refresh-token redemption.
 */
export class RequestStats {
  private counts = new Map<string, number>();

  /** Counts every answered request as `<service> <METHOD> <route pattern> <status>`; token calls also by grant type. */
  install(app: FastifyInstance, service: ServiceName): void {
    app.addHook('onResponse', async (req, reply) => {
      const route = req.routeOptions.url ?? '(unmatched)';
      const grant = (req.body as { grant_type?: unknown } | undefined)?.grant_type;
      const suffix = typeof grant === 'string' ? ` grant_type=${grant}` : '';
      const key = `${service} ${req.method} ${route} ${reply.statusCode}${suffix}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    });
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
