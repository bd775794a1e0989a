import { createHash } from 'node:crypto';
import type { AppRegistration, KeyCredential } from '../../directory/directory';
import { EntraError } from '../http/entra-error';
import { assertionErrors } from '../http/aadsts-client-assertion';
import { stringClaim } from './decode-client-assertion';

export interface KeyLookup {
  /** The registered certificate the header names, if any. */
  credential?: KeyCredential;
  /** The thumbprint the client sent, as Entra quotes it in errors: upper-case hex. */
  thumbprint: string;
}

/**
 * Finds the app's certificate named by the assertion header: `x5t#S256` (SHA-256 of the DER,
 * base64url; MSAL Node 3+ with `thumbprintSha256`) or else `x5t` (SHA-1). `kid` is not used to
 * find the key, as in Entra. No thumbprint at all is AADSTS50027.
 */
export function findKeyCredential(
  app: AppRegistration,
  header: Record<string, unknown>,
): KeyLookup {
  const s256 = stringClaim(header, 'x5t#S256');
  const s1 = stringClaim(header, 'x5t');
  const [sent, algorithm] = s256 ? [s256, 'sha256'] : s1 ? [s1, 'sha1'] : [undefined, undefined];
  if (!sent || !algorithm) throw new EntraError(assertionErrors.noThumbprint());
  const credential = (app.keyCredentials ?? []).find(
    (k) => createHash(algorithm).update(Buffer.from(k.key, 'base64')).digest('base64url') === sent,
  );
  return { credential, thumbprint: Buffer.from(sent, 'base64url').toString('hex').toUpperCase() };
}
