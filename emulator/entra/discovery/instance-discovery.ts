/**
 * MSAL's "instance discovery" answer for the emulator's host: the tenant discovery endpoint for
 * the authority it was asked about, and the host as its own (only) alias.
 */
export function instanceDiscovery(
  authorityHost: string,
  authorizationEndpoint: string | undefined,
) {
  const host = new URL(authorityHost).host;
  let tenant = 'common';
  if (authorizationEndpoint) {
    try {
      tenant = new URL(authorizationEndpoint).pathname.split('/').filter(Boolean)[0] ?? 'common';
    } catch {
      // A malformed value gets the common document, as Entra does for unknown authorities.
    }
  }
  return {
    tenant_discovery_endpoint: `${authorityHost}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}
