import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';

export interface ListenerOptions {
  port: number;
  /** Present for https listeners. */
  tls?: { cert: string; key: string };
  /** Bind address; the emulator only ever listens on loopback. */
  host?: string;
}

/**
 * A Fastify server for one emulated service. Form bodies (OAuth) and JSON (Key Vault) are
 * parsed; anything the service does not handle gets a JSON 404, because every SDK here parses
 * error bodies as JSON.
 */
export async function createListener(opts: ListenerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    // Key Vault caps secret values at 25 KB; leave room for the JSON envelope so the service,
    // not the parser, answers an oversized value with its own error.
    bodyLimit: 1024 * 1024,
    ...(opts.tls ? { https: { cert: opts.tls.cert, key: opts.tls.key } } : {}),
  });
  await app.register(formbody);
  return app;
}

export async function startListener(app: FastifyInstance, opts: ListenerOptions): Promise<void> {
  await app.listen({ port: opts.port, host: opts.host ?? '127.0.0.1' });
}
