import { control } from '../support/control';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { codeForm, entraState, refreshForm, signInForCode, tokenRequest } from './entra-raw-client';
import { PARTNER_CENTER } from './entra-token-checks';

/**
 * Lifetimes that need the emulator's clock moved: 10-minute codes and the 90-day refresh-token
 * inactivity window. The clock is global to the emulator, so this file resets the emulator when
 * it is done (integration files run one at a time).
 */
const m = loadManifest();
const { partnerA } = seededTenants(m);
const user = seededUser(partnerA, 'nomfa');
const SCOPE = `${PARTNER_CENTER}/user_impersonation openid profile offline_access`;
const pc = `${PARTNER_CENTER}/.default`;

afterAll(async () => {
  await control.reset();
});

test('a code older than 10 minutes → invalid_grant AADSTS70008, and the refusal changes nothing', async () => {
  const g = await signInForCode(m, partnerA.id, user, SCOPE);
  await control.advanceClock({ seconds: 9 * 60 });
  const fresh = await signInForCode(m, partnerA.id, user, SCOPE);
  await control.advanceClock({ seconds: 2 * 60 });
  const before = await entraState(m);
  const res = await tokenRequest(m, partnerA.id, codeForm(m, g));
  expect([res.status, res.json.error, res.json.error_codes]).toEqual([
    400,
    'invalid_grant',
    [70008],
  ]);
  expect((await entraState(m)).digest).toBe(before.digest);
  // Issued two minutes ago: still good.
  expect((await tokenRequest(m, partnerA.id, codeForm(m, fresh))).status).toBe(200);
});

test('a refresh token unused for 90 days → invalid_grant AADSTS700082; one used within the window lives on', async () => {
  const g = await signInForCode(m, partnerA.id, user, SCOPE);
  const rt1 = String((await tokenRequest(m, partnerA.id, codeForm(m, g))).json.refresh_token);
  const rt2 = String(
    (await tokenRequest(m, partnerA.id, refreshForm(m, rt1, pc))).json.refresh_token,
  );
  await control.advanceClock({ days: 50 });
  const r3 = await tokenRequest(m, partnerA.id, refreshForm(m, rt2, pc));
  expect(r3.status).toBe(200);
  await control.advanceClock({ days: 45 });

  const before = await entraState(m);
  const dead = await tokenRequest(m, partnerA.id, refreshForm(m, rt1, pc));
  expect([dead.status, dead.json.error, dead.json.error_codes]).toEqual([
    400,
    'invalid_grant',
    [700082],
  ]);
  expect(dead.json.error_description).toContain('inactive for 90.00:00:00');
  expect((await entraState(m)).digest).toBe(before.digest);

  // rt2 was last used 45 days ago, the token it rotated into likewise: both still work.
  expect((await tokenRequest(m, partnerA.id, refreshForm(m, rt2, pc))).status).toBe(200);
  expect(
    (await tokenRequest(m, partnerA.id, refreshForm(m, String(r3.json.refresh_token), pc))).status,
  ).toBe(200);
});
