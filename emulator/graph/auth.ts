import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors as joseErrors, type JWTPayload } from 'jose';
import type { EmulatorContext } from '../core/service';
import type { Directory, DirectoryUser, Tenant } from '../directory/directory';
import { MICROSOFT_GRAPH } from '../directory/resource-apps';
import { GraphError, sendGraphError } from './errors';

/** Audiences a Graph access token carries: the App ID URI (v1 resource form) or Graph's app id. */
export const GRAPH_AUDIENCES = new Set([
  'https://graph.microsoft.com',
  'https://graph.microsoft.com/',
  MICROSOFT_GRAPH.appId,
]);

export interface GraphCaller {
  /** The tenant the token was issued for (`tid`): whose data the call reads. */
  tenant: Tenant;
  /** The calling client (`appid`). */
  appId: string;
  /** Delegated scopes (`scp`), lower-cased; empty for app-only tokens. */
  scopes: Set<string>;
  /** Directory role template ids the token carries (`wids`). */
  roles: Set<string>;
  appOnly: boolean;
  /** The signed-in user, when the token is delegated and the user is known. */
  user?: DirectoryUser;
  /** The user's home tenant; differs from `tenant` for a partner user reaching a customer through GDAP. */
  homeTenantId?: string;
}

const callers = new WeakMap<FastifyRequest, GraphCaller>();

export function callerOf(req: FastifyRequest): GraphCaller {
  const c = callers.get(req);
  if (!c) throw new Error('graph: route reached without an authenticated caller');
  return c;
}

const invalidToken = (message: string) =>
  new GraphError(401, 'InvalidAuthenticationToken', message);

/**
 * Graph's token checks before any route runs: a bearer token signed by the emulated Entra,
 * unexpired, for Graph (`aud`), issued by `https://sts.windows.net/<tid>/` for a known tenant.
 */
export function installGraphAuth(
  app: FastifyInstance,
  ctx: Pick<EmulatorContext, 'keys' | 'clock'>,
  directory: Directory,
): void {
  app.addHook('onRequest', async (req, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match) {
      void reply.header('WWW-Authenticate', 'Bearer');
      return sendGraphError(req, reply, invalidToken('Access token is empty.'), ctx.clock.now());
    }
    const checked = await checkToken(ctx, directory, match[1] as string);
    if (checked instanceof GraphError) {
      void reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      return sendGraphError(req, reply, checked, ctx.clock.now());
    }
    callers.set(req, checked);
  });
}

async function checkToken(
  ctx: Pick<EmulatorContext, 'keys'>,
  directory: Directory,
  token: string,
): Promise<GraphCaller | GraphError> {
  let claims: JWTPayload;
  try {
    claims = await ctx.keys.verify(token);
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired)
      return invalidToken('Lifetime validation failed, the token is expired.');
    if (e instanceof joseErrors.JWTClaimValidationFailed)
      return invalidToken('Access token has expired or is not yet valid.');
    return invalidToken('Access token validation failure.');
  }
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.some((a) => typeof a === 'string' && GRAPH_AUDIENCES.has(a)))
    return invalidToken('Access token validation failure. Invalid audience.');
  const tid = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : '';
  const tenant = tid ? directory.getTenant(tid) : undefined;
  if (!tenant || claims.iss !== `https://sts.windows.net/${tid}/`)
    return invalidToken('Access token validation failure. Invalid issuer.');
  const appOnly = claims.idtyp === 'app' || typeof claims.scp !== 'string';
  const scopes = new Set(
    typeof claims.scp === 'string'
      ? claims.scp
          .split(' ')
          .filter(Boolean)
          .map((s) => s.toLowerCase())
      : [],
  );
  const roles = new Set(Array.isArray(claims.wids) ? claims.wids.map(String) : []);
  const found =
    !appOnly && typeof claims.oid === 'string' ? directory.findUserByOid(claims.oid) : undefined;
  return {
    tenant,
    appId: typeof claims.appid === 'string' ? claims.appid : String(claims.azp ?? ''),
    scopes,
    roles,
    appOnly,
    ...(found ? { user: found.user, homeTenantId: found.tenant.id } : {}),
  };
}

/** True when the token holds any of the delegated permissions (case-insensitive). */
export function hasScope(caller: GraphCaller, ...any: string[]): boolean {
  return any.some((s) => caller.scopes.has(s.toLowerCase()));
}
