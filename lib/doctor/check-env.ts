import 'server-only';
import { ConfigError, parseConfig } from '@/lib/config/load-config';
import type { Env } from '@/lib/config/schema';
import { fail, ok, warn, type CheckResult } from './check-result';

const NAME = 'env';

/**
 * The settings, parsed by the portal's own schema (lib/config), so the doctor and the server can
 * never disagree about what is valid. Also flags two mistakes the schema cannot see.
 */
export function checkEnv(source: Record<string, string | undefined>): {
  results: CheckResult[];
  config?: Env;
} {
  let config: Env;
  try {
    config = parseConfig(source);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return {
      results: [
        fail(
          NAME,
          e.problems.join('; '),
          'set each variable named here; .env.example and docs/deploy-azure.md step 7.3 say what it holds',
        ),
      ],
    };
  }
  const credential = config.ENTRA_CLIENT_CERTIFICATE_PATH ? 'certificate' : 'client secret';
  const results = [
    ok(
      NAME,
      `settings are valid (app credential: ${credential}; Key Vault credential: ${config.KEY_VAULT_CREDENTIAL})`,
    ),
  ];

  const nextAuthUrl = source.NEXTAUTH_URL?.replace(/\/+$/, '');
  if (nextAuthUrl && nextAuthUrl !== config.PORTAL_URL) {
    results.push(
      warn(
        'env:nextauth-url',
        `NEXTAUTH_URL (${nextAuthUrl}) differs from PORTAL_URL (${config.PORTAL_URL})`,
        'set NEXTAUTH_URL to the same value as PORTAL_URL',
      ),
    );
  }
  const portal = new URL(config.PORTAL_URL);
  if (
    portal.protocol !== 'https:' &&
    !['localhost', '127.0.0.1', '[::1]'].includes(portal.hostname)
  ) {
    results.push(
      fail(
        'env:portal-url',
        `PORTAL_URL is ${portal.protocol}// on a host other than localhost; Entra accepts such redirect URIs only for localhost`,
        'serve the portal over https and set PORTAL_URL to its https:// address',
      ),
    );
  }
  if (config.ENTRA_CLIENT_SECRET && config.ENTRA_CLIENT_CERTIFICATE_PATH) {
    results.push(
      warn(
        'env:credential',
        'both ENTRA_CLIENT_SECRET and ENTRA_CLIENT_CERTIFICATE_PATH are set; the certificate is used',
        'remove ENTRA_CLIENT_SECRET',
      ),
    );
  }
  return { results, config };
}
