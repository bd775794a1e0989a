import type { AppRegistration, Directory } from '../../directory/directory';
import { requestedPermissions } from '../scopes/consent';
import { parseScopes } from '../scopes/parse-scopes';
import type { InteractionRecord } from '../state/types';

/**
 * The permissions a consent page lists and grants: for admin consent (v1) every configured
 * permission of the app, for v2 the `scope` parameter (`.default` = the configured ones), and
 * for a sign-in what it asked for.
 */
export function permissionsToConsent(
  directory: Directory,
  app: AppRegistration,
  i: InteractionRecord,
): Map<string, string[]> {
  if (i.kind === 'adminconsent-v1')
    return new Map(app.requiredResourceAccess.map((r) => [r.resourceAppId, [...r.scopes]]));
  const parsed = parseScopes(directory, i.request.scopes.join(' '));
  return parsed.ok ? requestedPermissions(app, parsed.value) : new Map();
}
