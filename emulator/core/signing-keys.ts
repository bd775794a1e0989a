import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import forge from 'node-forge';
import type { Clock } from './clock';

export interface Jwk {
  kty: 'RSA';
  use: 'sig';
  kid: string;
  x5t: string;
  n: string;
  e: string;
  x5c: string[];
  issuer: string;
}

/**
 * The RSA key Entra signs tokens with, persisted so tokens stay verifiable across restarts.
 * As in Entra, `kid` equals `x5t`, the base64url SHA-1 thumbprint of the key's certificate.
 */
export class SigningKeys {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private readonly certDer: Buffer;
  readonly kid: string;

  constructor(
    stateDir: string,
    private readonly clock: Clock,
  ) {
    const dir = join(stateDir, 'keys');
    const keyPath = join(dir, 'signing-key.pem');
    const certPath = join(dir, 'signing-cert.pem');
    if (!existsSync(keyPath) || !existsSync(certPath)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
      const fkey = forge.pki.privateKeyFromPem(pem);
      const cert = forge.pki.createCertificate();
      cert.publicKey = forge.pki.setRsaPublicKey(fkey.n, fkey.e);
      cert.serialNumber = '01';
      cert.validity.notBefore = new Date(Date.now() - 60_000);
      cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
      const name = [{ name: 'commonName', value: 'accounts.accesscontrol.windows.net' }];
      cert.setSubject(name);
      cert.setIssuer(name);
      cert.sign(fkey, forge.md.sha256.create());
      writeFileSync(keyPath, pem, { mode: 0o600 });
      writeFileSync(certPath, forge.pki.certificateToPem(cert));
    }
    this.privateKey = createPrivateKey(readFileSync(keyPath, 'utf8'));
    this.publicKey = createPublicKey(this.privateKey);
    const certPem = readFileSync(certPath, 'utf8');
    this.certDer = Buffer.from(
      forge.asn1
        .toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(certPem)))
        .getBytes(),
      'binary',
    );
    this.kid = createHash('sha1').update(this.certDer).digest('base64url');
  }

  /** JWKS entry; `issuer` is the templated v2 issuer of the authority that serves it. */
  jwks(issuer: string): { keys: Jwk[] } {
    const jwk = this.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    return {
      keys: [
        {
          kty: 'RSA',
          use: 'sig',
          kid: this.kid,
          x5t: this.kid,
          n: jwk.n,
          e: jwk.e,
          x5c: [this.certDer.toString('base64')],
          issuer,
        },
      ],
    };
  }

  /**
   * Signs claims as an RS256 JWT. v1 tokens carry `x5t` in the header as well as `kid`;
   * v2 tokens carry only `kid` (Entra's own behaviour).
   */
  async sign(claims: JWTPayload, opts: { v1?: boolean } = {}): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({
        typ: 'JWT',
        alg: 'RS256',
        kid: this.kid,
        ...(opts.v1 ? { x5t: this.kid } : {}),
      })
      .sign(this.privateKey);
  }

  /**
   * Verifies a token this emulator issued: signature, expiry and not-before against the
   * emulator's clock, plus audience and issuer when given. Throws jose's errors on failure.
   */
  async verify(
    token: string,
    opts: { audience?: string; issuer?: string } = {},
  ): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, {
      algorithms: ['RS256'],
      audience: opts.audience,
      issuer: opts.issuer,
      currentDate: new Date(this.clock.now()),
      clockTolerance: 0,
    });
    return payload;
  }
}
