import { createHash, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import type { KeyCredential } from './types';

const YEAR_MS = 365 * 86_400_000;

export interface AppCertificate {
  /** PEM file with the certificate and its PKCS#8 private key, as the portal's ENTRA_CLIENT_CERTIFICATE_PATH wants it. */
  path: string;
  /** The certificate as registered on the app (public part only). */
  keyCredential: KeyCredential;
}

/**
 * A self-signed certificate for an app registration, made once per state folder and kept in
 * `<stateDir>/keys/<name>.pem` (mode 0600), like the emulator's signing key: restarts keep it,
 * so a configuration pointing at the file keeps working. The app owner holds the private key;
 * Entra knows only the certificate.
 */
export function ensureAppCertificate(
  stateDir: string,
  name: string,
  displayName: string,
  now: number,
): AppCertificate {
  const dir = join(stateDir, 'keys');
  const path = join(dir, `${name}.pem`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(path, createCertificatePem(displayName, now), { mode: 0o600 });
  }
  // A file copied in by hand may have looser permissions; the private key is readable by the owner only.
  chmodSync(path, 0o600);
  return { path, keyCredential: keyCredentialOf(readFileSync(path, 'utf8'), displayName) };
}

function createCertificatePem(commonName: string, now: number): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const fkey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(fkey.n, fkey.e);
  // A positive serial (leading byte below 0x80), random as a CA would make it.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now - 86_400_000);
  cert.validity.notAfter = new Date(now + 5 * YEAR_MS);
  const subject = [{ name: 'commonName', value: commonName }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(fkey, forge.md.sha256.create());
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return `${forge.pki.certificateToPem(cert)}${pkcs8}`;
}

/** The registration entry for the certificate in `pem`: its DER, validity and a key id derived from it. */
export function keyCredentialOf(pem: string, displayName: string): KeyCredential {
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!certPem) throw new Error('no certificate in the PEM');
  const cert = new X509Certificate(certPem);
  const h = createHash('sha256').update(cert.raw).digest('hex');
  return {
    keyId: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`,
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
    displayName: `CN=${displayName}`,
    key: cert.raw.toString('base64'),
    startDateTime: Date.parse(cert.validFrom),
    endDateTime: Date.parse(cert.validTo),
  };
}
