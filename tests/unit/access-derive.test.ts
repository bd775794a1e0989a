import { parseAccessQuery } from '@/lib/access/access-query';
import { classifyConsent } from '@/lib/access/classify-consent';
import {
  assignedRoleNames,
  deriveAccess,
  groupByCustomer,
  isExpiringWithin,
} from '@/lib/access/derive-access';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '@/lib/access/roles';
import type { GdapRelationship } from '@/lib/graph/types';
import { toTenantId } from '@/lib/ids/tenant-id';

const NOW = new Date('2026-11-30T00:00:00Z');
const C1 = toTenantId('c1c1c1c1-0000-4000-8000-000000000001');
const READER = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();

const rel = (over: Partial<GdapRelationship> = {}): GdapRelationship => ({
  id: `rel-${Math.random().toString(36).slice(2)}`,
  customerTenantId: C1,
  status: 'active',
  roleIds: [READER],
  autoExtendDuration: 'PT0S',
  endDateTime: days(200),
  reseller: false,
  ...over,
});

describe('access state from GDAP relationships', () => {
  it('is gdap with one active relationship, with role names, end date and no auto-extend', () => {
    const d = deriveAccess([rel()], NOW);
    expect(d.access).toBe('gdap');
    expect(d.relationships[0]!.roleNames).toEqual(['Directory Readers']);
    expect(d.endDateTime).toBe(days(200));
    expect(d.autoExtend).toBe(false);
    expect(d.includesGlobalAdmin).toBe(false);
  });

  it('is pending when only created/approvalPending/approved/activating relationships exist', () => {
    for (const status of ['created', 'approvalPending', 'approved', 'activating'])
      expect(deriveAccess([rel({ status, endDateTime: undefined })], NOW).access).toBe('pending');
  });

  it('is none for no relationship, or only expired, terminated or ending ones', () => {
    expect(deriveAccess([], NOW).access).toBe('none');
    for (const status of [
      'expired',
      'terminated',
      'terminating',
      'terminationRequested',
      'expiring',
    ])
      expect(deriveAccess([rel({ status })], NOW).access).toBe('none');
  });

  it('treats an active relationship past its end date as ended (Graph may lag)', () => {
    expect(deriveAccess([rel({ endDateTime: days(-1) })], NOW).access).toBe('none');
  });

  it('is unknown, never none, when the whole list came back empty (the Admin Agents trap)', () => {
    expect(deriveAccess([], NOW, { relationshipListEmpty: true }).access).toBe('unknown');
  });

  it('takes the latest active end date, and auto-extend from any active relationship', () => {
    const d = deriveAccess(
      [
        rel({ endDateTime: days(10) }),
        rel({ endDateTime: days(100), autoExtendDuration: 'P180D' }),
        rel({ status: 'expired', endDateTime: days(300) }),
      ],
      NOW,
    );
    expect(d.endDateTime).toBe(days(100));
    expect(d.autoExtend).toBe(true);
    expect(d.relationships).toHaveLength(3);
  });

  it('treats P0D like PT0S (no extension)', () => {
    expect(deriveAccess([rel({ autoExtendDuration: 'P0D' })], NOW).autoExtend).toBe(false);
  });

  it('flags Global Administrator, which can never auto-extend', () => {
    const d = deriveAccess(
      [rel({ roleIds: [GLOBAL_ADMINISTRATOR_ROLE_ID, READER], autoExtendDuration: 'P180D' })],
      NOW,
    );
    expect(d.includesGlobalAdmin).toBe(true);
    expect(d.autoExtend).toBe(false);
    expect(d.relationships[0]!.roleNames).toContain('Global Administrator');
  });

  it('does not flag Global Administrator in a relationship that has ended', () => {
    const d = deriveAccess(
      [rel({ status: 'terminated', roleIds: [GLOBAL_ADMINISTRATOR_ROLE_ID] })],
      NOW,
    );
    expect(d.includesGlobalAdmin).toBe(false);
  });

  it('marks MLT relationships', () => {
    expect(
      deriveAccess([rel({ displayName: 'MLT_12345678_abcdefgh_x' })], NOW).relationships[0]!.mlt,
    ).toBe(true);
  });

  it('groups relationships by customer tenant (parsed, so case never splits one), dropping those without one', () => {
    const groups = groupByCustomer([
      rel({ customerTenantId: toTenantId('AAAAAAAA-0000-4000-8000-000000000001') }),
      rel({ customerTenantId: toTenantId('aaaaaaaa-0000-4000-8000-000000000001') }),
      rel({ customerTenantId: undefined }),
    ]);
    expect([...groups.keys()]).toEqual(['aaaaaaaa-0000-4000-8000-000000000001']);
    expect(groups.get(C1)).toBeUndefined();
    expect(groups.get(toTenantId('aaaaaaaa-0000-4000-8000-000000000001'))).toHaveLength(2);
  });
});

describe('access assignments: which groups hold the roles', () => {
  const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
  const a = (status: string, roleIds = [READER]) => ({ id: status, status, groupId: 'g', roleIds });

  it('is unassigned when every active relationship was read and none has an active assignment', () => {
    const r1 = rel({ id: 'r1' });
    const r2 = rel({ id: 'r2' });
    const map = new Map([
      ['r1', [a('pending'), a('error')]],
      ['r2', [a('deleted')]],
    ]);
    expect(deriveAccess([r1, r2], NOW, { assignments: map }).unassigned).toBe(true);
    map.set('r2', [a('active')]);
    expect(deriveAccess([r1, r2], NOW, { assignments: map }).unassigned).toBe(false);
  });

  it('is not unassigned when an assignment list was not read, or when there is no GDAP', () => {
    const r1 = rel({ id: 'r1' });
    expect(deriveAccess([r1], NOW).unassigned).toBe(false);
    expect(deriveAccess([r1], NOW, { assignments: new Map() }).unassigned).toBe(false);
    const ended = rel({ id: 'r2', status: 'expired' });
    expect(deriveAccess([ended], NOW, { assignments: new Map([['r2', []]]) }).unassigned).toBe(
      false,
    );
  });

  it('names the roles that reach a group: active assignments on active relationships only', () => {
    const d = deriveAccess(
      [rel({ id: 'r1', roleIds: [READER, HELPDESK] }), rel({ id: 'r2', status: 'terminated' })],
      NOW,
      {
        assignments: new Map([
          ['r1', [a('active', [HELPDESK]), a('pending', [READER])]],
          ['r2', [a('active', [GLOBAL_ADMINISTRATOR_ROLE_ID])]],
        ]),
      },
    );
    expect(d.relationships.find((r) => r.id === 'r1')!.assignments![0]!.roleNames).toEqual([
      'Helpdesk Administrator',
    ]);
    expect(assignedRoleNames(d.relationships)).toEqual(['Helpdesk Administrator']);
  });
});

describe('expiring within N days', () => {
  const d = (endDateTime: string, autoExtend = false) => ({
    access: 'gdap' as const,
    endDateTime,
    autoExtend,
  });
  it('is true inside the window and false outside it', () => {
    expect(isExpiringWithin(d(days(29)), NOW, 30)).toBe(true);
    expect(isExpiringWithin(d(days(30)), NOW, 30)).toBe(true);
    expect(isExpiringWithin(d(days(31)), NOW, 30)).toBe(false);
  });
  it('is false when it auto-extends, or when there is no GDAP', () => {
    expect(isExpiringWithin(d(days(5), true), NOW, 30)).toBe(false);
    expect(
      isExpiringWithin({ access: 'none', endDateTime: days(5), autoExtend: false }, NOW, 30),
    ).toBe(false);
  });
});

describe('app consent from a check outcome', () => {
  const required = ['Application.Read.All', 'DelegatedPermissionGrant.Read.All'];

  it('granted when the service principal holds every required scope (case-insensitive)', () => {
    expect(
      classifyConsent(
        {
          kind: 'service-principal',
          grantedScopes: ['application.read.all', 'DelegatedPermissionGrant.Read.All', 'User.Read'],
        },
        required,
      ),
    ).toEqual({ consent: 'granted', missingScopes: [] });
  });

  it('partial when some scopes are missing, naming them', () => {
    expect(
      classifyConsent(
        { kind: 'service-principal', grantedScopes: ['Application.Read.All'] },
        required,
      ),
    ).toEqual({
      consent: 'partial',
      missingScopes: ['DelegatedPermissionGrant.Read.All'],
    });
  });

  it('missing without a service principal, or when Entra says consent is missing (65001, 90099)', () => {
    expect(classifyConsent({ kind: 'no-service-principal' }, required).consent).toBe('missing');
    const notConsented = classifyConsent({ kind: 'token-error', aadsts: 65001 }, required);
    expect(notConsented.consent).toBe('missing');
    // Missing consent is a state with its own action (grant), not an error of the check.
    expect(notConsented.error).toBeUndefined();
    expect(classifyConsent({ kind: 'token-error', aadsts: 90099 }, required).consent).toBe(
      'missing',
    );
    expect(
      classifyConsent(
        { kind: 'graph-error', status: 401, graphCode: 'Authorization_IdentityNotFound' },
        required,
      ).consent,
    ).toBe('missing');
  });

  it('error with the customer advice for other token errors', () => {
    const c = classifyConsent({ kind: 'token-error', aadsts: 50020 }, required);
    expect(c.consent).toBe('error');
    expect(c.error).toMatchObject({
      code: 'AADSTS50020',
      title: 'No working delegated access into this tenant',
    });
    expect(classifyConsent({ kind: 'token-error' }, required).error?.code).toBe('entra_unknown');
  });

  it('error naming the missing GDAP role on a Graph 403', () => {
    const c = classifyConsent(
      { kind: 'graph-error', status: 403, graphCode: 'Authorization_RequestDenied' },
      required,
    );
    expect(c.consent).toBe('error');
    expect(c.error?.code).toBe('Authorization_RequestDenied');
  });

  it('unknown when there is no GDAP path to check through', () => {
    expect(classifyConsent({ kind: 'not-checked' }, required)).toEqual({
      consent: 'unknown',
      missingScopes: [],
    });
  });
});

describe('the access query', () => {
  it('falls back to defaults for hostile values and strips control characters from the search', () => {
    const q = parseAccessQuery(
      new URLSearchParams('filter=x&sort=__proto__&dir=up&page=-1&size=7&q=%00ab%01c'),
    );
    expect(q).toEqual({ filter: 'all', q: 'abc', sort: 'name', dir: 'asc', page: 1, size: 25 });
  });
});
