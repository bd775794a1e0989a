import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { KvError } from '../errors';

/** The shape of the path after `/secrets/` or `/deletedsecrets/`. */
export type PathShape = 'name' | 'name/' | 'name/version' | 'name/versions' | 'name/recover';

export type ObjectHandler = (
  req: FastifyRequest,
  reply: FastifyReply,
  name: string,
  version?: string,
) => Promise<unknown>;

const PARAM_PATHS: Record<PathShape, string> = {
  name: ':name',
  'name/': ':name/',
  'name/version': ':name/:version',
  'name/versions': ':name/versions',
  'name/recover': ':name/recover',
};

type Table = Partial<Record<`${string} ${PathShape}`, ObjectHandler>>;

/**
 * Routes `/<collection>/{name}[/...]`. Each shape gets an ordinary `:name` route (so request
 * stats show readable patterns), plus one wildcard route behind them: Fastify's router caps a
 * `:param` at 100 characters (maxParamLength) and falls through to the wildcard beyond, but
 * secret names may be 127 long. The wildcard splits the raw path before percent-decoding, so an
 * encoded `/` can't change the shape.
 */
export function registerObjectRoutes(app: FastifyInstance, collection: string, table: Table): void {
  const prefix = `/${collection}/`;
  for (const [key, handler] of Object.entries(table) as Array<
    [`${string} ${PathShape}`, ObjectHandler]
  >) {
    const [method, shape] = key.split(' ') as [string, PathShape];
    app.route<{ Params: { name: string; version?: string } }>({
      method,
      url: `${prefix}${PARAM_PATHS[shape]}`,
      handler: (req, reply) =>
        handler(
          req,
          reply,
          req.params.name,
          shape === 'name/version' ? req.params.version : undefined,
        ),
    });
  }
  registerLongNameFallback(app, collection, prefix, table);
}

function registerLongNameFallback(
  app: FastifyInstance,
  collection: string,
  prefix: string,
  table: Table,
): void {
  app.all(`${prefix}*`, async (req, reply) => {
    const path = (req.url.split('?')[0] ?? '').slice(prefix.length);
    const segments = path.split('/').map(decodeSegment);
    const [name, second] = segments;
    let shape: PathShape | undefined;
    if (segments.length === 1) shape = 'name';
    else if (segments.length === 2 && second === '') shape = 'name/';
    else if (segments.length === 2 && second === 'versions' && collection === 'secrets')
      shape = 'name/versions';
    else if (segments.length === 2 && second === 'recover' && collection === 'deletedsecrets')
      shape = 'name/recover';
    else if (segments.length === 2) shape = 'name/version';
    const handler = shape && table[`${req.method} ${shape}`];
    if (!handler || name === undefined) {
      throw new KvError(
        404,
        'NotFound',
        `The requested resource ${req.method} ${prefix}${path} was not found.`,
      );
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
