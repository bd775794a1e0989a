import { TOTP } from 'otpauth';

/** The current TOTP code for a seeded user's authenticator secret (base32), as an app would show it. */
export function totpNow(secret: string, at: number = Date.now()): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at });
}
