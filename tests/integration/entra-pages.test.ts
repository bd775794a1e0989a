import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { control } from '../support/control';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import {
  authorizeUrl,
  codeForm,
  entraState,
  ERROR_DESCRIPTION,
  signInForCode,
  tokenRequest,
} from './entra-raw-client';
import { CookieJar, driveSignIn } from './entra-sign-in-driver';
import { PARTNER_CENTER } from './entra-token-checks';

/**
 * The browser side of the Entra emulator: /authorize validation, the sign-in, MFA and consent
 * pages, SSO and prompt handling, response modes, admin consent and logout.
 */
const m = loadManifest();
const { home, partnerA, partnerB } = seededTenants(m);
const redirectUri = m.portalApp.redirectUris[0]!;
const PC = `${PARTNER_CENTER}/user_impersonation openid profile offline_access`;

const params = (extra: Record<string, string> = {}) => ({
  client_id: m.portalApp.clientId,
  response_type: 'code',
  redirect_uri: redirectUri,
  scope: PC,
  state: randomUUID(),
  ...extra,
});

describe('/authorize errors shown on Entra’s page (never redirected)', () => {
  test.each([
    {
      name: 'an unregistered redirect_uri',
      tenant: partnerA.id,
      extra: { redirect_uri: 'https://evil.example/callback' },
      code: 50011,
    },
    {
      name: 'an unknown client_id',
      tenant: partnerA.id,
      extra: { client_id: '99999999-9999-4999-8999-999999999999' },
      code: 700016,
    },
    { name: 'an unknown tenant', tenant: 'nobody.onmicrosoft.com', extra: {}, code: 90002 },
  ])('$name → HTML error page with AADSTS$code', async ({ tenant, extra, code }) => {
    const before = await entraState(m);
    const res = await fetch(authorizeUrl(m, tenant, params(extra as Record<string, string>)), {
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain(`AADSTS${code}`);
    expect((await entraState(m)).digest).toBe(before.digest);
  });
});

describe('/authorize errors sent back to the app', () => {
  test('missing scope → error=invalid_request AADSTS900144 with the state', async () => {
    const { scope: _s, ...noScope } = params();
    const res = await fetch(authorizeUrl(m, partnerA.id, { ...noScope, state: 'st-1' }), {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin + to.pathname).toBe(redirectUri);
    expect(to.searchParams.get('error')).toBe('invalid_request');
    expect(to.searchParams.get('error_description')).toMatch(ERROR_DESCRIPTION(900144));
    expect(to.searchParams.get('state')).toBe('st-1');
  });

  test('bad PKCE method → AADSTS50149; unsupported response_type → unsupported_response_type', async () => {
    const a = await fetch(
      authorizeUrl(
        m,
        partnerA.id,
        params({ code_challenge: 'x'.repeat(43), code_challenge_method: 'S512' }),
      ),
      { redirect: 'manual' },
    );
    expect(new URL(a.headers.get('location')!).searchParams.get('error_description')).toMatch(
      /^AADSTS50149:/,
    );
    const b = await fetch(authorizeUrl(m, partnerA.id, params({ response_type: 'token' })), {
      redirect: 'manual',
    });
    expect(new URL(b.headers.get('location')!).searchParams.get('error')).toBe(
      'unsupported_response_type',
    );
  });

  test('prompt=none without a session → login_required AADSTS50058', async () => {
    const res = await fetch(authorizeUrl(m, partnerA.id, params({ prompt: 'none' })), {
      redirect: 'manual',
    });
    const to = new URL(res.headers.get('location')!);
    expect(to.searchParams.get('error')).toBe('login_required');
    expect(to.searchParams.get('error_description')).toMatch(/^AADSTS50058:/);
  });

  test('declining consent → access_denied AADSTS65004 (subcode cancel) and no grant is recorded', async () => {
    const user = seededUser(partnerB, 'staff');
    const before = await entraState(m);
    const state = randomUUID();
    // prompt=consent forces the page even if this user consented in another test.
    const r = await driveSignIn(
      authorizeUrl(
        m,
        partnerB.id,
        params({ state, prompt: 'consent', scope: `${PARTNER_CENTER}/user_impersonation openid` }),
      ),
      user,
      { consent: 'decline' },
    );
    expect(r.pages).toContain('consent');
    expect(r.redirect?.searchParams.get('error')).toBe('access_denied');
    expect(r.redirect?.searchParams.get('error_subcode')).toBe('cancel');
    expect(r.redirect?.searchParams.get('error_description')).toMatch(/^AADSTS65004:/);
    expect(r.redirect?.searchParams.get('state')).toBe(state);
    expect((await entraState(m)).grants).toBe(before.grants);
  });
});

describe('sign-in pages', () => {
  test('a user of another tenant → AADSTS50020 on the sign-in page', async () => {
    const r = await driveSignIn(
      authorizeUrl(m, partnerA.id, params()),
      seededUser(partnerB, 'admin'),
    );
    expect(r.redirect).toBeUndefined();
    expect(r.stuck?.html).toContain('AADSTS50020');
  });

  test('wrong password → AADSTS50126; wrong TOTP code → AADSTS500121; neither changes state', async () => {
    const staff = seededUser(partnerA, 'staff');
    const before = await entraState(m);
    const r1 = await driveSignIn(authorizeUrl(m, partnerA.id, params()), staff, {
      password: 'wrong',
    });
    expect(r1.stuck?.html).toContain('AADSTS50126');
    const r2 = await driveSignIn(authorizeUrl(m, partnerA.id, params()), staff, { otp: '000000' });
    expect(r2.pages).toEqual(['login', 'mfa']);
    expect(r2.stuck?.html).toContain('AADSTS500121');
    const after = await entraState(m);
    expect([after.refreshTokens, after.grants]).toEqual([before.refreshTokens, before.grants]);
  });

  test('SSO: a second /authorize in the same browser needs no pages; prompt=login asks again; prompt=none works', async () => {
    const user = seededUser(partnerA, 'staff');
    const jar = new CookieJar();
    const first = await driveSignIn(authorizeUrl(m, partnerA.id, params()), user, { jar });
    expect(first.redirect?.searchParams.get('code')).toBeTruthy();
    expect(jar.has('ESTSAUTH')).toBe(true);
    const second = await driveSignIn(authorizeUrl(m, partnerA.id, params()), user, { jar });
    expect(second.pages).toEqual([]);
    expect(second.redirect?.searchParams.get('code')).toBeTruthy();
    const silent = await driveSignIn(
      authorizeUrl(m, partnerA.id, params({ prompt: 'none' })),
      user,
      { jar },
    );
    expect(silent.redirect?.searchParams.get('code')).toBeTruthy();
    const forced = await driveSignIn(
      authorizeUrl(m, partnerA.id, params({ prompt: 'login' })),
      user,
      { jar },
    );
    expect(forced.pages.slice(0, 2)).toEqual(['login', 'mfa']);
  });

  test('MFA switched off through the control API → no MFA page, amr without mfa; switched back → MFA again', async () => {
    const staff = seededUser(partnerA, 'staff');
    await control.setMfa(staff.upn, 'none');
    try {
      const g = await signInForCode(m, partnerA.id, staff, PC);
      expect(g.signIn.pages).not.toContain('mfa');
      const at = decodeJwt(
        String((await tokenRequest(m, partnerA.id, codeForm(m, g))).json.access_token),
      );
      expect(at.amr).toEqual(['pwd']);
    } finally {
      await control.setMfa(staff.upn, staff.mfa);
    }
    const again = await signInForCode(m, partnerA.id, staff, PC);
    expect(again.signIn.pages).toContain('mfa');
  });

  test('response_mode=fragment and the hybrid code id_token flow (c_hash, nonce)', async () => {
    const user = seededUser(home, 'operator');
    const frag = await driveSignIn(
      authorizeUrl(m, home.id, params({ response_mode: 'fragment' })),
      user,
    );
    expect(frag.redirect?.search).toBe('');
    expect(new URLSearchParams(frag.redirect!.hash.slice(1)).get('code')).toBeTruthy();
    const nonce = randomUUID();
    const r = await driveSignIn(
      authorizeUrl(
        m,
        home.id,
        params({ response_type: 'code id_token', nonce, response_mode: 'fragment' }),
      ),
      user,
    );
    const hash = new URLSearchParams(r.redirect!.hash.slice(1));
    expect(hash.get('code')).toBeTruthy();
    const id = decodeJwt(hash.get('id_token')!);
    expect(id).toMatchObject({
      nonce,
      tid: home.id,
      c_hash: expect.any(String),
      roles: user.appRoles,
    });
    expect(id.amr).toBeUndefined();
  });
});

describe('admin consent and logout', () => {
  test('v1 /adminconsent by partner B’s admin → admin_consent=True&tenant=<guid>; a non-admin gets AADSTS90094', async () => {
    const state = randomUUID();
    const url = `${m.entra.browserHost}/common/adminconsent?${new URLSearchParams({ client_id: m.portalApp.clientId, redirect_uri: redirectUri, state })}`;
    const r = await driveSignIn(url, seededUser(partnerB, 'admin'));
    expect(r.pages).toContain('consent');
    expect(Object.fromEntries(r.redirect!.searchParams)).toEqual({
      admin_consent: 'True',
      tenant: partnerB.id,
      state,
    });

    const n = await driveSignIn(url, seededUser(partnerB, 'nomfa'));
    expect(n.stuck?.html).toContain('AADSTS90094');
  });

  test('v2 /v2.0/adminconsent grants the scope asked for; declining v1 admin consent → permission_denied', async () => {
    const state = randomUUID();
    const v2 = `${m.entra.browserHost}/${partnerA.id}/v2.0/adminconsent?${new URLSearchParams({ client_id: m.portalApp.clientId, redirect_uri: redirectUri, state, scope: `${PARTNER_CENTER}/.default` })}`;
    const r = await driveSignIn(v2, seededUser(partnerA, 'admin'));
    expect(Object.fromEntries(r.redirect!.searchParams)).toEqual({
      admin_consent: 'True',
      tenant: partnerA.id,
      scope: `${PARTNER_CENTER}/user_impersonation`,
      state,
    });

    const v1 = `${m.entra.browserHost}/${partnerA.id}/adminconsent?${new URLSearchParams({ client_id: m.portalApp.clientId, redirect_uri: redirectUri, state })}`;
    const d = await driveSignIn(v1, seededUser(partnerA, 'admin'), { consent: 'decline' });
    expect(Object.fromEntries(d.redirect!.searchParams)).toEqual({
      error: 'permission_denied',
      error_description: 'The admin canceled the request',
      state,
    });
  });

  test('prompt=select_account offers "Continue as" the signed-in user, which needs no password', async () => {
    const user = seededUser(partnerA, 'nomfa');
    const jar = new CookieJar();
    await driveSignIn(authorizeUrl(m, partnerA.id, params()), user, { jar });
    const start = await fetch(
      authorizeUrl(m, partnerA.id, params({ prompt: 'select_account', state: 'pick' })),
      { redirect: 'manual', headers: { cookie: jar.header() } },
    );
    const loginUrl = new URL(start.headers.get('location')!, m.entra.browserHost);
    const page = await (await fetch(loginUrl, { headers: { cookie: jar.header() } })).text();
    expect(page).toContain(`Continue as ${user.upn}`);
    const res = await fetch(new URL(loginUrl.pathname, m.entra.browserHost), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ctx: loginUrl.searchParams.get('ctx')!, continue: '1' }),
    });
    const to = new URL(res.headers.get('location')!);
    expect(to.searchParams.get('code')).toBeTruthy();
    expect(to.searchParams.get('state')).toBe('pick');
  });

  test('logout ends the SSO session and returns to a registered post_logout_redirect_uri only', async () => {
    const user = seededUser(partnerA, 'nomfa');
    const jar = new CookieJar();
    await driveSignIn(authorizeUrl(m, partnerA.id, params()), user, { jar });
    const logout = (target: string) =>
      fetch(
        `${m.entra.browserHost}/${partnerA.id}/oauth2/v2.0/logout?${new URLSearchParams({ post_logout_redirect_uri: target, state: 'bye', client_id: m.portalApp.clientId })}`,
        {
          redirect: 'manual',
          headers: { cookie: jar.header() },
        },
      );
    const bad = await logout('https://evil.example/');
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain('You signed out');
    const good = await logout(`${new URL(redirectUri).origin}/`);
    expect(good.headers.get('location')).toBe(`${new URL(redirectUri).origin}/?state=bye`);
    jar.take(bad);
    const silent = await driveSignIn(
      authorizeUrl(m, partnerA.id, params({ prompt: 'none' })),
      user,
      { jar },
    );
    expect(silent.redirect?.searchParams.get('error')).toBe('login_required');
  });
});
