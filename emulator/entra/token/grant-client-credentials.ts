import type { AppRegistration } from '../../directory/directory';
import { appAccessTokenClaims } from '../claims/access-token';
import { ACCESS_TOKEN_SECONDS } from '../claims/common';
import type { EntraDeps } from '../entra-deps';
import { aadsts } from '../http/aadsts';
import { EntraError } from '../http/entra-error';
import type { TenantPath } from '../http/tenant-path';
import { required, type TokenForm } from './read-form';

export interface AppTokenResponseBody {
  token_type: 'Bearer';
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
}

/**
 * grant_type=client_credentials: the app's own identity in a specific tenant, for one
 * resource's `/.default`. Never returns a refresh token. `oid` is the app's service principal
 * in that tenant, which exists in its home tenant and wherever it has been consented.
 */
export async function issueClientCredentials(
  deps: EntraDeps,
  path: TenantPath,
  client: AppRegistration,
  form: TokenForm,
): Promise<AppTokenResponseBody> {
  const { ctx, directory } = deps;
  if (path.kind === 'multi')
    throw new EntraError(aadsts.grantNotSupportedOverCommon('client_credentials'));
  const scopes = required(form, 'scope').split(' ').filter(Boolean);
  const resources = new Set(
    scopes.map((s) => s.slice(0, Math.max(0, s.lastIndexOf('/'))).toLowerCase()),
  );
  if (resources.size > 1) throw new EntraError(aadsts.multipleResources());
  const scope = scopes[0]!;
  if (!scope.endsWith('/.default')) throw new EntraError(aadsts.scopeNotDefault(scope));
  const identifier = scope.slice(0, -'/.default'.length);
  const tenant = path.tenant;
  const resource = directory.resolveResource(identifier);
  if (!resource || !directory.servicePrincipalId(resource.appId, tenant.id))
    throw new EntraError(aadsts.resourceNotFound(identifier, tenant.id));
  const spId = directory.servicePrincipalId(client.appId, tenant.id);
  if (!spId) throw new EntraError(aadsts.appNotFound(client.appId, tenant.id));

  const accessToken = await ctx.keys.sign(
    appAccessTokenClaims({
      authorityHost: ctx.urls.entra,
      nowSeconds: ctx.clock.nowSeconds(),
      tenantId: tenant.id,
      client,
      resource,
      audience: identifier,
      servicePrincipalId: spId,
      // No app-role assignments (application permissions) are emulated.
      roles: [],
    }),
    { v1: resource.tokenVersion === 1 },
  );
  return {
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    ext_expires_in: ACCESS_TOKEN_SECONDS,
    access_token: accessToken,
  };
}
