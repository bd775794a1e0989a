import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { KvError } from '../errors';

/** The shape of the path after `/secrets/` or `/deletedsecrets/`. */
export type PathShape = 'name' | 'name/' | 'name/version' | 'name/versions' | 'name/recover';

export type ObjectHandler = (req: FastifyRequest, reply: FastifyReply, name: string, version?: string) => Promise<unknown>;

/**
 * Routes `/<collection>/{name}[/...]` through one wildcard route and splits the raw path itself.
 * Fastify's router caps a `:param` at 100 characters (maxParamLength) and answers 414 beyond,
 * but secret names may be 127 long; a wildcard has no such cap. Segments are split before
 * percent-decoding so an encoded `/` can't change the shape.
 */
export function registerObjectRoutes(app: FastifyInstance, collection: string, table: Partial<Record<`${string} ${PathShape}`, ObjectHandler>>): void {
  const prefix = `/${collection}/`;
  app.all(`${prefix}*`, async (req, reply) => {
    const path = (req.url.split('?')[0] ?? '').slice(prefix.length);
    const segments = path.split('/').map(decodeSegment);
    const [name, second] = segments;
    let shape: PathShape | undefined;
    if (segments.length === 1) shape = 'name';
    else if (segments.length === 2 && second === '') shape = 'name/';
    else if (segments.length === 2 && second === 'versions' && collection === 'secrets') shape = 'name/versions';
    else if (segments.length === 2 && second === 'recover' && collection === 'deletedsecrets') shape = 'name/recover';
    else if (segments.length === 2) shape = 'name/version';
    const handler = shape && table[`${req.method} ${shape}`];
    if (!handler || name === undefined) {
      throw new KvError(404, 'NotFound', `The requested resource ${req.method} ${prefix}${path} was not found.`);
    }
    return handler(req, reply, name, shape === 'name/version' ? second : undefined);
  });
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
