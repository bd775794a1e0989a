import 'server-only';
import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { createPrivateKey } from 'node:crypto';

/**
 * A certificate client assertion as Entra wants it: RS256, with `x5t#S256` and `x5t` (the
 * certificate thumbprints) in the header. openid-client's private_key_jwt sends only `kid`, which
 * Entra does not use to find the certificate, so the staff sign-in signs its own.
 */
export async function signClientAssertion(input: {
  clientId: string;
  tokenEndpoint: string;
  privateKeyPem: string;
  certificatePem: string;
}): Promise<string> {
  const der = new X509Certificate(input.certificatePem).raw;
  const pkcs8 = createPrivateKey(input.privateKeyPem)
    .export({ format: 'pem', type: 'pkcs8' })
    .toString();
  const key = await importPKCS8(pkcs8, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({
      alg: 'RS256',
      typ: 'JWT',
      'x5t#S256': createHash('sha256').update(der).digest('base64url'),
      x5t: createHash('sha1').update(der).digest('base64url'),
    })
    .setIssuer(input.clientId)
    .setSubject(input.clientId)
    .setAudience(input.tokenEndpoint)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 600)
    .sign(key);
}
