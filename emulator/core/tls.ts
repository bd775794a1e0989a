import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface TlsMaterial {
  /** Path of the CA certificate every Node process gets through NODE_EXTRA_CA_CERTS. */
  caPath: string;
  cert: string;
  key: string;
}

// node-forge's own RSA key generation is pure JS and slow; Node's is native.
function newRsaKey(): forge.pki.rsa.PrivateKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
}

function serial(): string {
  // Positive serial: clear the top bit.
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

function years(n: number): Date {
  const d = new Date();
  d.setFullYear(d.getFullYear() + n);
  return d;
}

/**
 * Creates (on first run) a local CA and a server certificate for localhost signed by it, kept in
 * `<stateDir>/tls`. The CA key never leaves that folder, which is git-ignored.
 */
export function ensureTls(stateDir: string): TlsMaterial {
  const dir = join(stateDir, 'tls');
  const caPath = join(dir, 'ca.pem');
  const certPath = join(dir, 'server.pem');
  const keyPath = join(dir, 'server-key.pem');
  if (existsSync(caPath) && existsSync(certPath) && existsSync(keyPath)) {
    return { caPath, cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  const caKey = newRsaKey();
  const ca = forge.pki.createCertificate();
  ca.publicKey = forge.pki.setRsaPublicKey(caKey.n, caKey.e);
  ca.serialNumber = serial();
  ca.validity.notBefore = new Date(Date.now() - 60_000);
  ca.validity.notAfter = years(10);
  const caName = [
    { name: 'commonName', value: 'Partner Portal local Microsoft cloud CA' },
    { name: 'organizationName', value: 'Partner Portal emulator' },
  ];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKey, forge.md.sha256.create());

  const serverKey = newRsaKey();
  const server = forge.pki.createCertificate();
  server.publicKey = forge.pki.setRsaPublicKey(serverKey.n, serverKey.e);
  server.serialNumber = serial();
  server.validity.notBefore = new Date(Date.now() - 60_000);
  // Browsers cap leaf validity; the emulator's certificate only needs to outlive a dev machine's use.
  server.validity.notAfter = years(1);
  server.setSubject([{ name: 'commonName', value: 'localhost' }]);
  server.setIssuer(caName);
  server.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
  ]);
  server.sign(caKey, forge.md.sha256.create());

  const cert = forge.pki.certificateToPem(server);
  const key = forge.pki.privateKeyToPem(serverKey);
  writeFileSync(join(dir, 'ca-key.pem'), forge.pki.privateKeyToPem(caKey), { mode: 0o600 });
  writeFileSync(caPath, forge.pki.certificateToPem(ca));
  writeFileSync(certPath, cert);
  writeFileSync(keyPath, key, { mode: 0o600 });
  return { caPath, cert, key };
}
