import 'server-only';
import { adviceFor, unreachableAdvice } from '@/lib/entra/aadsts-advice';
import type { HealthAdvice } from './connection-health';

const OTHER: Record<string, Omit<HealthAdvice, 'code'>> = {
  mfa_missing: {
    title: 'Stored without multi-factor authentication',
    cause:
      'The stored token was minted without MFA, and Partner Center rejects App+User calls without it.',
    fix: 'Reconnect with an account that completes MFA.',
    needsReconnect: true,
  },
  partner_center_unauthorized: {
    title: 'Partner Center refused the token',
    cause:
      'Partner Center answered 401, for example "MFA required", or the account lost its Partner Center role.',
    fix: 'Reconnect with an MFA-enabled Global Administrator who is an Admin Agent.',
    needsReconnect: true,
  },
  expiring: {
    title: 'The connection lapses soon',
    cause:
      'The stored refresh token has not been used recently; Entra expires it after 90 days without use.',
    fix: 'Press "Check now" (it uses and rotates the token), and schedule `csp keepalive` so this never depends on a person.',
    needsReconnect: false,
  },
};

/** Advice for any code a connection can record: AADSTS codes from the one table, plus the portal's own. */
export function adviceForCode(code: string): HealthAdvice {
  const aadsts = /^AADSTS(\d+)$/.exec(code);
  if (aadsts) return adviceFor(Number(aadsts[1]));
  if (code === 'entra_unreachable') return unreachableAdvice();
  const other = OTHER[code];
  if (other) return { code, ...other };
  return {
    code,
    title: `The last check failed (${code})`,
    cause: 'A dependency of the connection failed during the last check.',
    fix: 'Press "Check now" to try again. If it repeats, give the code to the portal operator.',
    needsReconnect: false,
  };
}
