import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors as joseErrors, type JWTPayload } from 'jose';
import type { EmulatorContext } from '../core/service';
import { PcError, sendPcError } from './errors';

export const PARTNER_CENTER_RESOURCE = 'https://api.partnercenter.microsoft.com';

export interface PcCaller {
  /** The partner tenant the token was issued in (`tid`). */
  tenantId: string;
  /** App-only (client credentials) rather than App+User. */
  appOnly: boolean;
  oid?: string;
  /** The calling client (`appid`). */
  appId: string;
}

const callers = new WeakMap<FastifyRequest, PcCaller>();

export function callerOf(req: FastifyRequest): PcCaller {
  const c = callers.get(req);
  if (!c) throw new Error('partner-center: route reached without an authenticated caller');
  return c;
}

// 900420 is what Partner Center answers for a token it won't accept (seen with a wrong audience:
// "The audience '...' in the token is invalid", microsoft/Partner-Center-DotNet-Samples#140).
const invalidToken = (description: string) => new PcError(401, 900420, description);

/**
 * The MFA rejection. The docs show only the status line and `WWW-Authenticate` header, no body;
 * the SDKs report it as "Authentication failed. MFA required. (10001)" (microsoft/BCTech#34,
 * microsoft/Partner-Center-DotNet-Samples#59), so the emulator sends that code and text as the
 * usual JSON error body, which also keeps clients that always parse JSON working.
 */
const MFA_REQUIRED = 10001;

/**
 * Partner Center's token checks, before anything else runs: a v1 Entra token (signature, expiry,
 * `iss` = `https://sts.windows.net/<tid>/`, `aud` = the Partner Center resource); for App+User
 * tokens, `mfa` in `amr`; and a caller tenant that is a partner.
 */
export function installPcAuth(
  app: FastifyInstance,
  ctx: EmulatorContext,
  isPartner: (tenantId: string) => boolean,
): void {
  app.addHook('onRequest', async (req, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match) {
      void reply.header('WWW-Authenticate', 'Bearer');
      return sendPcError(
        reply,
        new PcError(401, 400, 'Access denied', ['The request has no Authorization bearer token.']),
      );
    }
    const checked = await checkToken(ctx, match[1] as string);
    if (checked instanceof PcError) {
      void reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      // Partner Center's documented MFA rejection is "HTTP/1.1 401 Unauthorized - MFA required".
      if (checked.code === MFA_REQUIRED) reply.raw.statusMessage = 'Unauthorized - MFA required';
      return sendPcError(reply, checked);
    }
    if (!isPartner(checked.tenantId)) {
      return sendPcError(
        reply,
        new PcError(403, 1002, 'Authorization Failed', [
          `Tenant ${checked.tenantId} is not a Partner Center partner (no Cloud Solution Provider enrollment).`,
        ]),
      );
    }
    callers.set(req, checked);
  });
}

async function checkToken(ctx: EmulatorContext, token: string): Promise<PcCaller | PcError> {
  let claims: JWTPayload;
  try {
    claims = await ctx.keys.verify(token);
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) return invalidToken('The token is expired.');
    if (e instanceof joseErrors.JWTClaimValidationFailed)
      return invalidToken(`The token is not valid yet or has invalid claims: ${e.message}`);
    return invalidToken('The token signature is invalid.');
  }
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(PARTNER_CENTER_RESOURCE)) {
    return invalidToken(
      `The audience '${aud.join(', ')}' in the token is invalid and is not supported in Partner Center API.`,
    );
  }
  const tid = typeof claims.tid === 'string' ? claims.tid : '';
  if (!tid || claims.iss !== `https://sts.windows.net/${tid}/`) {
    return invalidToken(`The issuer '${String(claims.iss)}' in the token is invalid.`);
  }
  const appOnly = claims.idtyp === 'app' || claims.scp === undefined;
  if (!appOnly) {
    const amr = Array.isArray(claims.amr) ? claims.amr : [];
    if (!amr.includes('mfa'))
      return new PcError(401, MFA_REQUIRED, 'Authentication failed. MFA required.');
  }
  return {
    tenantId: tid.toLowerCase(),
    appOnly,
    appId: typeof claims.appid === 'string' ? claims.appid.toLowerCase() : '',
    ...(typeof claims.oid === 'string' ? { oid: claims.oid } : {}),
  };
}
