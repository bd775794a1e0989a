import { idTokenClaims } from '../../emulator/entra/claims/id-token';
import { DIRECTORY_ROLE_TEMPLATES } from '../../emulator/directory/directory-roles';
import { seedPortalApp } from '../../emulator/directory/seed';
import type { DirectoryUser } from '../../emulator/directory/directory';

const GLOBAL_ADMIN = DIRECTORY_ROLE_TEMPLATES['Global Administrator']!;

const user = {
  oid: '11111111-1111-4111-8111-111111111111',
  upn: 'admin@a.example',
  displayName: 'Admin',
  directoryRoles: ['Global Administrator'],
  appRoles: [],
} as unknown as DirectoryUser;

function claims(groupMembershipClaims?: 'DirectoryRole' | 'All' | 'None') {
  const client = { ...seedPortalApp('http://localhost:3101'), groupMembershipClaims };
  return idTokenClaims({
    authorityHost: 'https://login.example',
    nowSeconds: 1_800_000_000,
    tenantId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    client,
    user,
    scopes: new Set(['openid', 'profile']),
    sid: 'sid',
  });
}

describe('emulated ID tokens carry wids only when the registration asks for directory roles', () => {
  it('the portal’s seeded registration asks (groupMembershipClaims: DirectoryRole)', () => {
    expect(seedPortalApp('http://localhost:3101').groupMembershipClaims).toBe('DirectoryRole');
    expect(claims('DirectoryRole').wids).toEqual(expect.arrayContaining([GLOBAL_ADMIN]));
    expect(claims('All').wids).toEqual(expect.arrayContaining([GLOBAL_ADMIN]));
  });

  it('a registration that does not ask gets no wids, as with real Entra', () => {
    expect(claims(undefined).wids).toBeUndefined();
    expect(claims('None').wids).toBeUndefined();
  });
});
