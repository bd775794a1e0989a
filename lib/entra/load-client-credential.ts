import 'server-only';
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Env } from '@/lib/config';

export type MsalClientCredential =
  | { clientSecret: string }
  | { clientCertificate: { thumbprintSha256: string; privateKey: string; x5c: string } };

let cachedCertificate: { path: string; credential: MsalClientCredential } | undefined;

/**
 * The app registration's credential in the shape msal-node wants: the secret, or the certificate
 * read from one PEM file holding the certificate and its private key (SHA-256 thumbprint, and
 * `x5c` so subject-name/issuer auth works too). The certificate is read once per process.
 */
export function loadClientCredential(config: Env): MsalClientCredential {
  if (config.ENTRA_CLIENT_CERTIFICATE_PATH) {
    const path = config.ENTRA_CLIENT_CERTIFICATE_PATH;
    if (cachedCertificate?.path !== path)
      cachedCertificate = { path, credential: readCertificate(path) };
    return cachedCertificate.credential;
  }
  if (config.ENTRA_CLIENT_SECRET) return { clientSecret: config.ENTRA_CLIENT_SECRET };
  // The config schema already refuses this; keep the type honest.
  throw new Error('Neither ENTRA_CLIENT_SECRET nor ENTRA_CLIENT_CERTIFICATE_PATH is set');
}

function readCertificate(path: string): MsalClientCredential {
  const pem = readFileSync(path, 'utf8');
  const certPem = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0];
  const keyPem = pem.match(
    /-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (RSA |EC )?PRIVATE KEY-----/,
  )?.[0];
  if (!certPem || !keyPem)
    throw new Error(`${path} must hold a PEM certificate and its private key`);
  const der = new X509Certificate(certPem).raw;
  return {
    clientCertificate: {
      thumbprintSha256: createHash('sha256').update(der).digest('hex'),
      privateKey: keyPem,
      x5c: certPem,
    },
  };
}
