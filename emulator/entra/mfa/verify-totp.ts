import { TOTP } from 'otpauth';

/**
 * Checks a 6-digit code from an authenticator app against real wall-clock time (±1 step of 30 s).
 * Deliberately not the emulator clock: tests move that forward, but a person's phone does not.
 */
export function verifyTotp(secret: string, code: string, now: number = Date.now()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.validate({ token: code, timestamp: now, window: 1 }) !== null;
}
