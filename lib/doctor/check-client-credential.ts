import 'server-only';
import type { Env } from '@/lib/config/schema';
import { createMsalClient } from '@/lib/entra/create-msal-client';
import { toEntraError } from '@/lib/entra/to-entra-error';
import { fail, ok, type CheckResult } from './check-result';
import { describeError } from './describe-error';

const NAME = 'client-credential';

/** Fixes for codes a client-credentials request meets that the sign-in advice table does not cover. */
const EXTRA_FIXES: Record<number, string> = {
  500011:
    'the "Microsoft Partner Center" service principal is missing in the home tenant: az ad sp create --id fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd (docs/deploy-azure.md step 2.2)',
  650052:
    'the "Microsoft Partner Center" service principal is missing in the home tenant: az ad sp create --id fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd (docs/deploy-azure.md step 2.2)',
  700027:
    'the certificate in ENTRA_CLIENT_CERTIFICATE_PATH is not (or no longer) uploaded to the app registration, or has expired (docs/deploy-azure.md step 3.1)',
  7000218: 'set ENTRA_CLIENT_SECRET or ENTRA_CLIENT_CERTIFICATE_PATH',
  90002: 'ENTRA_HOME_TENANT_ID is not a tenant of this cloud',
};

/**
 * The app's own credential, proven the way Entra proves it: a client-credentials token from the
 * home tenant, through the same msal-node client factory the portal uses. The audience is Partner
 * Center (PARTNER_CENTER_RESOURCE/.default), so this also catches a home tenant without the
 * Partner Center service principal. No application permission is needed for the token to be issued.
 */
export async function checkClientCredential(config: Env): Promise<CheckResult> {
  const kind = config.ENTRA_CLIENT_CERTIFICATE_PATH ? 'certificate' : 'client secret';
  let client;
  try {
    client = createMsalClient(config.ENTRA_HOME_TENANT_ID);
  } catch (e) {
    return fail(
      NAME,
      `cannot load the ${kind} (${describeError(e)})`,
      'ENTRA_CLIENT_CERTIFICATE_PATH must name a readable PEM file with the certificate and its private key',
    );
  }
  try {
    const result = await client.acquireTokenByClientCredential({
      scopes: [`${config.PARTNER_CENTER_RESOURCE}/.default`],
    });
    if (!result?.accessToken)
      return fail(
        NAME,
        'Entra answered without an access token',
        'run the doctor again; if it repeats, check ENTRA_AUTHORITY_HOST',
      );
    return ok(
      NAME,
      `the app ${config.ENTRA_CLIENT_ID} authenticates with its ${kind} in tenant ${config.ENTRA_HOME_TENANT_ID}`,
    );
  } catch (e) {
    const error = toEntraError(e);
    const extra = error.aadsts !== undefined ? EXTRA_FIXES[error.aadsts] : undefined;
    const what = error.aadsts !== undefined ? `AADSTS${error.aadsts}` : error.error;
    return fail(
      NAME,
      `Entra refused the app's ${kind}: ${what} (${error.advice.title})`,
      extra ?? error.advice.fix,
    );
  }
}
