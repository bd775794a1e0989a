import { runConnect } from '../support/portal-http-session';
import { stateMarks } from './support/expect-safe';
import { portalUrl, request, tenants, userOf } from './support/portal';

/**
 * Hole 3: only a partner admin (Global Administrator in the ID token's `wids`, or Portal.Admin)
 * may connect or replace a connection. A staff user with MFA runs the whole connect flow for
 * their own tenant: the portal stores nothing (no new Key Vault version) and shows an error page
 * with its own code.
 */

test('staff with MFA who run the connect flow store nothing and get the non-admin error', async () => {
  // The admin's connection is there first: the staff user must not be able to replace it.
  const admin = await runConnect(portalUrl(), userOf('adminA'));
  expect(admin.landed).toMatch(/\/connect\/success$/);

  const before = await stateMarks();
  const staff = await runConnect(portalUrl(), userOf('staffA'));
  expect(staff.landed).toBeDefined();
  const landed = new URL(staff.landed!);
  expect(landed.pathname).toBe('/connect/error');
  const code = landed.searchParams.get('code');
  // Its own code: not a generic failure, and not one of Partner Center's refusals.
  expect(code).toMatch(/admin/);
  expect((await stateMarks()).vaultWrites).toBe(before.vaultWrites);

  // The page names that code and says nothing was stored.
  const page = await request({ path: `${landed.pathname}${landed.search}` });
  expect(page.status).toBe(200);
  expect(page.text).toContain(code!);
  expect(page.text).toContain('Nothing was stored');
  expect(tenants().partnerA.id).toBeTruthy();
});
