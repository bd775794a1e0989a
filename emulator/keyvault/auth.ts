import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors as joseErrors } from 'jose';
import type { EmulatorContext } from '../core/service';
import { KvError, sendKvError } from './errors';

/** The audience Entra puts in Key Vault tokens, and the resource the challenge names. */
export const VAULT_RESOURCE = 'https://vault.azure.net';

export interface VaultPrincipal {
  /** Object id: the service principal (app-only) or user the token was issued to. */
  oid: string;
  appid?: string;
  iss: string;
}

const principals = new WeakMap<FastifyRequest, VaultPrincipal>();

/** The caller, once the auth hook has let the request through. */
export function principalOf(req: FastifyRequest): VaultPrincipal {
  const p = principals.get(req);
  if (!p) throw new Error('keyvault: route reached without an authenticated principal');
  return p;
}

/**
 * Key Vault's bearer challenge. Runs as an onRequest hook, so a request without a token gets its
 * 401 before Fastify reads the body: the SDK's first PUT arrives with `Content-Type:
 * application/json` and no body at all (wire.md §4.6), and parsing it would answer 400 instead.
 */
export function installVaultAuth(
  app: FastifyInstance,
  ctx: EmulatorContext,
  vaultTenantId: () => string,
): void {
  const challenge = () =>
    `Bearer authorization="${ctx.urls.entra}/${vaultTenantId()}", resource="${VAULT_RESOURCE}"`;
  const deny = (message: string) => new KvError(401, 'Unauthorized', message);
  /**
   * An expired token gets a continuous-access-evaluation claims challenge, as Key Vault sends
   * when it stops accepting a token the client still holds. The SDK (which asks for CAE tokens)
   * then fetches a fresh token instead of failing. This matters when tests move the emulator's
   * clock: the SDK's token cache runs on wall-clock time and would keep sending a token the
   * emulator already considers expired.
   */
  const expiredChallenge = () => {
    const claims = {
      access_token: { nbf: { essential: true, value: String(ctx.clock.nowSeconds()) } },
    };
    return `${challenge()}, error="insufficient_claims", claims="${Buffer.from(JSON.stringify(claims)).toString('base64')}"`;
  };

  app.addHook('onRequest', async (req, reply) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    let failure: KvError | undefined;
    if (!match) {
      failure = deny('AKV10000: Request is missing a Bearer or PoP token.');
    } else {
      const result = await verifyVaultToken(ctx, match[1] as string, vaultTenantId());
      if (result instanceof KvError) failure = result;
      else principals.set(req, result);
    }
    if (failure) {
      // Not yet valid (IDX10222) happens when a reset moves the clock back under a cached token: same cure.
      void reply.header(
        'WWW-Authenticate',
        /IDX1022[23]/.test(failure.message) ? expiredChallenge() : challenge(),
      );
      return sendKvError(reply, failure);
    }
  });
}

async function verifyVaultToken(
  ctx: EmulatorContext,
  token: string,
  tenantId: string,
): Promise<VaultPrincipal | KvError> {
  const deny = (message: string) => new KvError(401, 'Unauthorized', message);
  let claims;
  try {
    // Signature, expiry and not-before against the emulator's clock; audience and issuer are
    // checked below so the caller gets Key Vault's own AKV messages for them.
    claims = await ctx.keys.verify(token);
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired)
      return deny(
        'Error validating token: IDX10223: Lifetime validation failed. The token is expired.',
      );
    if (e instanceof joseErrors.JWTClaimValidationFailed)
      return deny(`Error validating token: IDX10222: Lifetime validation failed. ${e.message}`);
    return deny('Error validating token: IDX10511: Signature validation failed.');
  }
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(VAULT_RESOURCE))
    return deny(
      `AKV10022: Invalid audience. Expected ${VAULT_RESOURCE}, found: ${aud.join(', ')}.`,
    );
  const expectedIss = `https://sts.windows.net/${tenantId}/`;
  if (claims.iss !== expectedIss)
    return deny(
      `AKV10032: Invalid issuer. Expected one of ${expectedIss}, found ${String(claims.iss)}.`,
    );
  if (typeof claims.oid !== 'string')
    return deny('AKV10040: The token does not identify a principal (no oid claim).');
  return {
    oid: claims.oid,
    iss: claims.iss,
    ...(typeof claims.appid === 'string' ? { appid: claims.appid } : {}),
  };
}
