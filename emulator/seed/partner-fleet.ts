import { randomBytes } from 'node:crypto';
import type { DirectoryUser, Tenant } from '../directory/types';
import { Prng, seedFrom } from './prng';

/**
 * `--partners N`: N more partner tenants, each already connected to the portal, in a mix of the
 * health states an operator meets. The plan is made once per emulator process; the Entra and Key
 * Vault services both seed from it, so each stored secret holds a refresh token Entra knows.
 */
export type FleetState = 'healthy' | 'expiring' | 'expired' | 'revoked' | 'mfa_missing' | 'failing';

/**
 * The mix, repeated every 20 partners: 11 healthy, 3 expiring, 2 expired, 1 revoked, 1 MFA
 * missing, 2 failing. The first six cover every state, so even `--partners 6` shows them all.
 */
const PATTERN: readonly FleetState[] = [
  'healthy',
  'expiring',
  'expired',
  'revoked',
  'mfa_missing',
  'failing',
  'healthy',
  'healthy',
  'expiring',
  'healthy',
  'healthy',
  'failing',
  'healthy',
  'expired',
  'healthy',
  'healthy',
  'expiring',
  'healthy',
  'healthy',
  'healthy',
];

const PLACES = [
  'Adatum',
  'Alpine',
  'Bayview',
  'Blue Yonder',
  'Clearwater',
  'Coho',
  'Fourth Coffee',
  'Granite',
  'Harbour',
  'Humongous',
  'Litware',
  'Lucerne',
  'Margie',
  'Northwind',
  'Proseware',
  'Relecloud',
  'Summit',
  'Tailspin',
  'Trey',
  'Wingtip',
  'Woodgrove',
  'Wide World',
];
const TRADES = [
  'Cloud Services',
  'IT Partners',
  'Managed Services',
  'Technology Group',
  'Solutions',
  'Systems',
  'Digital',
  'Networks',
];

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const FLEET_ADMIN_PASSWORD = 'Fleet-Admin-2026!';

export interface FleetConnection {
  tenantId: string;
  orgName: string;
  state: FleetState;
  admin: DirectoryUser;
  /** ms since the epoch, on the emulator's clock. */
  connectedAt: number;
  /** The last write of the secret's value (connect, or a later rotation); the token's last use. */
  rotatedAt: number;
  /** Refresh tokens Entra issued: at connect, and at the rotation when there was one. */
  connectToken: string;
  rotatedToken?: string;
  /** Revoked: the admin's sessions were revoked at this time (AADSTS50173 from then on). */
  revokedAt?: number;
  /** MFA missing: Conditional Access wants a fresh MFA for sign-ins older than this (AADSTS50076). */
  mfaRequiredFrom?: number;
  /** What the last check recorded in the secret's tags, for the states a check has seen fail. */
  lastError?: { code: string; at: number; status: 'revoked' | 'mfa_missing' | 'error' };
}

export interface FleetPlan {
  tenants: Tenant[];
  connections: FleetConnection[];
}

/**
 * Tenants, admins and connection times are deterministic (the same N gives the same fleet);
 * refresh tokens are random per process, like any token the emulator issues.
 */
export function planPartnerFleet(count: number, now: number): FleetPlan {
  const rng = new Prng(seedFrom('partner-fleet'));
  const tenants: Tenant[] = [];
  const connections: FleetConnection[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i + 1).padStart(3, '0');
    const id = rng.guid();
    const orgName = `${rng.pick(PLACES)} ${rng.pick(TRADES)} ${n}`;
    const domain = `fleetpartner${n}.onmicrosoft.com`;
    const admin: DirectoryUser = {
      oid: rng.guid(),
      upn: `admin@${domain}`,
      displayName: `Fleet Admin ${n}`,
      password: FLEET_ADMIN_PASSWORD,
      mfa: 'approve',
      directoryRoles: ['Global Administrator'],
      appRoles: ['Portal.Admin'],
    };
    tenants.push({ id, name: orgName, domain, kind: 'partner', users: [admin] });
    const state = PATTERN[i % PATTERN.length]!;
    connections.push({ tenantId: id, orgName, admin, state, ...timesFor(state, rng, now) });
  }
  return { tenants, connections };
}

function timesFor(
  state: FleetState,
  rng: Prng,
  now: number,
): Omit<FleetConnection, 'tenantId' | 'orgName' | 'admin' | 'state'> {
  // Days since the token was last used: what the 90-day inactivity limit counts from.
  const idleDays: Record<FleetState, [number, number]> = {
    healthy: [0, 60],
    expiring: [77, 88],
    expired: [95, 200],
    revoked: [1, 40],
    mfa_missing: [1, 40],
    failing: [1, 40],
  };
  const [lo, hi] = idleDays[state];
  const rotatedAt = now - rng.int(lo, hi) * DAY - rng.int(0, 23) * HOUR;
  const rotated = rng.chance(0.6);
  const connectedAt = rotated ? rotatedAt - rng.int(1, 300) * DAY : rotatedAt;
  const token = () => `1.AR${randomBytes(192).toString('base64url')}`;
  const base = {
    connectedAt,
    rotatedAt,
    connectToken: token(),
    ...(rotated ? { rotatedToken: token() } : {}),
  };
  // Something happened after the last use, and a check since then recorded it.
  // (A minute after the last use at least: Entra compares the sign-in time strictly.)
  const happened = rotatedAt + 60_000 + Math.floor((now - rotatedAt) * rng.next() * 0.5);
  const checked = happened + Math.floor((now - happened) * rng.next());
  if (state === 'revoked')
    return {
      ...base,
      revokedAt: happened,
      lastError: { code: 'AADSTS50173', at: checked, status: 'revoked' },
    };
  if (state === 'mfa_missing')
    return {
      ...base,
      mfaRequiredFrom: happened,
      lastError: { code: 'AADSTS50076', at: checked, status: 'mfa_missing' },
    };
  if (state === 'failing')
    return { ...base, lastError: { code: 'entra_unreachable', at: checked, status: 'error' } };
  return base;
}
