import 'server-only';
import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { loadClientCredential } from './load-client-credential';

/**
 * A fresh msal-node client for one flow. `tenant` is `organizations` for the connect sign-in (any
 * work account) or a tenant id for redeeming a stored refresh token against that tenant.
 *
 * A new instance per flow on purpose: its in-memory token cache then holds exactly the tokens of
 * this one redemption, which is how we read the refresh token MSAL does not otherwise expose,
 * and no token ever lingers in a shared cache across tenants.
 *
 * `knownAuthorities` names the configured host, so MSAL skips instance discovery on the public
 * cloud: the same code works against login.microsoftonline.com, a national cloud or the emulator.
 * With `authorityMetadata` it skips the authority's discovery document too.
 */
export function createMsalClient(
  tenant: string,
  /** The authority's OpenID configuration as JSON, so MSAL makes no discovery call (customer authorities). */
  authorityMetadata?: string,
): ConfidentialClientApplication {
  const config = getConfig();
  const host = new URL(config.ENTRA_AUTHORITY_HOST).host;
  return new ConfidentialClientApplication({
    auth: {
      clientId: config.ENTRA_CLIENT_ID,
      authority: `${config.ENTRA_AUTHORITY_HOST}/${tenant}`,
      knownAuthorities: [host],
      ...(authorityMetadata ? { authorityMetadata } : {}),
      ...loadClientCredential(config),
    },
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message) => {
          if (level <= LogLevel.Warning) log.warn({ event: 'msal_log', level }, message);
        },
      },
    },
  });
}
