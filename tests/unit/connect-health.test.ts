import { toTenantId } from '@/lib/ids/tenant-id';
import { computeHealth } from '@/lib/connections/compute-health';
import type { ConnectionTags } from '@/lib/vault';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const iso = (t: number) => new Date(t).toISOString();

const base: ConnectionTags = {
  connectedByOid: 'oid-a',
  connectedByUpn: 'admin@a.example',
  connectedAt: iso(T0),
  amr: 'pwd mfa',
  scopes: 'https://api.partnercenter.microsoft.com/user_impersonation',
  rotatedAt: iso(T0),
  lastRedeemedAt: iso(T0),
  status: 'ok',
};

function health(tags: Partial<ConnectionTags>, now: number) {
  return computeHealth(
    {
      tenantId: toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'),
      tags: { ...base, ...tags },
      updatedOn: new Date(T0),
    },
    now,
  );
}

describe('computeHealth (clock-driven)', () => {
  it('is healthy with MFA confirmed and 90 days left right after connecting', () => {
    const h = health({}, T0);
    expect(h).toMatchObject({
      status: 'healthy',
      mfa: 'confirmed',
      daysLeft: 90,
      lastError: null,
      advice: null,
    });
    expect(h.inactivityDeadline).toBe(iso(T0 + 90 * DAY));
    expect(h.connectedBy).toEqual({ oid: 'oid-a', upn: 'admin@a.example' });
  });

  it('turns expiring at 14 days left, not at 15', () => {
    expect(health({}, T0 + 75 * DAY).status).toBe('healthy'); // 15 days left
    const h = health({}, T0 + 76 * DAY);
    expect(h).toMatchObject({ status: 'expiring', daysLeft: 14 });
    expect(h.advice?.fix).toMatch(/keepalive/);
  });

  it('is expired once 90 days pass without use, with the 700082 advice', () => {
    const h = health({}, T0 + 91 * DAY);
    expect(h).toMatchObject({ status: 'expired', daysLeft: 0 });
    expect(h.advice?.code).toBe('AADSTS700082');
  });

  it('reads a stored AADSTS70008 as expired with its own advice, never as revoked', () => {
    const h = health({ status: 'expired', lastErrorCode: 'AADSTS70008' }, T0 + DAY);
    expect(h.status).toBe('expired');
    expect(h.advice?.code).toBe('AADSTS70008');
    const untagged = health({ status: 'error', lastErrorCode: 'AADSTS70008' }, T0 + DAY);
    expect(untagged.status).toBe('expired');
  });

  it('counts the window from the latest use (redemption or rotation)', () => {
    const h = health(
      { lastRedeemedAt: iso(T0 + 80 * DAY), rotatedAt: iso(T0 + 10 * DAY) },
      T0 + 91 * DAY,
    );
    expect(h).toMatchObject({ status: 'healthy', daysLeft: 79 });
  });

  it('shows revoked (50173) with its fix when the last check failed that way', () => {
    const h = health(
      { status: 'error', lastErrorCode: 'AADSTS50173', lastErrorAt: iso(T0 + DAY) },
      T0 + DAY,
    );
    expect(h.status).toBe('revoked');
    expect(h.advice).toMatchObject({ code: 'AADSTS50173', needsReconnect: true });
    expect(h.lastError).toMatchObject({ code: 'AADSTS50173', at: iso(T0 + DAY) });
  });

  it('honours explicit stored statuses', () => {
    expect(health({ status: 'revoked' }, T0).status).toBe('revoked');
    expect(health({ status: 'expired' }, T0).status).toBe('expired');
    expect(health({ status: 'mfa_missing' }, T0).status).toBe('mfa_missing');
    expect(health({ status: 'error', lastErrorCode: 'entra_unreachable' }, T0)).toMatchObject({
      status: 'error',
      advice: { code: 'entra_unreachable' },
    });
  });

  it('keeps an old error as history once a later check succeeded', () => {
    const h = health({ status: 'ok', lastErrorCode: 'AADSTS50173' }, T0);
    expect(h.status).toBe('healthy');
    expect(h.lastError?.code).toBe('AADSTS50173');
  });

  it('flags a token minted without MFA, and is honest about secrets with no amr tag', () => {
    expect(health({ amr: 'pwd' }, T0)).toMatchObject({ status: 'mfa_missing', mfa: 'missing' });
    expect(health({ amr: '' }, T0)).toMatchObject({ status: 'healthy', mfa: 'unknown' });
  });

  it('falls back to the secret’s update time for secrets written by Microsoft’s samples (no tags)', () => {
    const h = computeHealth(
      {
        tenantId: toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'),
        tags: {
          connectedByOid: '',
          connectedByUpn: '',
          connectedAt: '',
          amr: '',
          scopes: '',
          rotatedAt: '',
        },
        updatedOn: new Date(T0),
      },
      T0 + 80 * DAY,
    );
    expect(h).toMatchObject({ status: 'expiring', daysLeft: 10, mfa: 'unknown' });
  });
});
