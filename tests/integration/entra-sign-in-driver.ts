import type { Manifest } from '../support/manifest';
import { totpNow } from '../support/totp';

type User = Manifest['tenants'][number]['users'][number];

/** A minimal cookie jar for one "browser": name → value, as the emulator's pages set them. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

export interface SignInOptions {
  /** What to do on the consent page (default: accept for the user only). */
  consent?: 'accept' | 'accept-for-organization' | 'decline';
  /** Override the password (to provoke a wrong-password page). */
  password?: string;
  /** Override the TOTP code. */
  otp?: string;
  jar?: CookieJar;
}

export interface SignInResult {
  /** Where the browser was finally sent: the app's redirect URI with its parameters. */
  redirect?: URL;
  /** Fields of a form_post answer. */
  formPost?: { action: string; fields: Record<string, string> };
  /** An Entra error page (status 400) or a page that did not move on (e.g. wrong password). */
  stuck?: { status: number; html: string };
  /** The emulator pages passed through: login, mfa, consent. */
  pages: string[];
  /** The consent page's HTML, when it was shown (the permissions it listed). */
  consentHtml?: string;
  jar: CookieJar;
}

const attr = (html: string, re: RegExp) =>
  re
    .exec(html)?.[1]
    ?.replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/**
 * Drives the emulator's sign-in pages with plain fetch and a cookie jar, as a browser would:
 * follows redirects on the browser origin, fills sign-in, MFA (TOTP from the manifest secret,
 * or "approve") and consent, and stops when the browser would leave for the app.
 */
export async function driveSignIn(
  authorizeUrl: string,
  user: User | undefined,
  opts: SignInOptions = {},
): Promise<SignInResult> {
  const jar = opts.jar ?? new CookieJar();
  const pages: string[] = [];
  let consentHtml: string | undefined;
  const origin = new URL(authorizeUrl).origin;
  let next: { url: string; body?: URLSearchParams } = { url: authorizeUrl };
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(next.url, {
      method: next.body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(next.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: next.body,
    });
    jar.take(res);
    if (res.status === 302) {
      const location = new URL(res.headers.get('location')!, next.url);
      if (location.origin !== origin)
        return { redirect: location, pages, jar, ...(consentHtml ? { consentHtml } : {}) };
      next = { url: location.toString() };
      continue;
    }
    const html = await res.text();
    if (html.includes('name="hiddenform"')) {
      const fields: Record<string, string> = {};
      for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
        fields[m[1]!] = attr(m[0], /value="([^"]*)"/)!;
      return { formPost: { action: attr(html, /action="([^"]+)"/)!, fields }, pages, jar };
    }
    // The main form is the page's last one (the sign-in page may offer "Continue as" first).
    const forms = [...html.matchAll(/<form method="post" action="([^"]+)"/g)];
    const action =
      forms.length > 0 ? attr(forms[forms.length - 1]![0], /action="([^"]+)"/) : undefined;
    const ctx = attr(html, /name="ctx" value="([^"]+)"/);
    if (res.status !== 200 || !action || !ctx)
      return { stuck: { status: res.status, html }, pages, jar };
    const step = action.split('/').pop()!;
    if (pages.filter((p) => p === step).length > 0 && step !== 'consent')
      return { stuck: { status: res.status, html }, pages, jar };
    pages.push(step);
    const url = new URL(action, origin).toString();
    if (step === 'login') {
      if (!user) return { stuck: { status: res.status, html }, pages, jar };
      next = {
        url,
        body: new URLSearchParams({ ctx, login: user.upn, passwd: opts.password ?? user.password }),
      };
    } else if (step === 'mfa') {
      const approve = html.includes('name="approve"');
      next = {
        url,
        body: new URLSearchParams(
          approve ? { ctx, approve: '1' } : { ctx, otc: opts.otp ?? totpNow(user!.totpSecret!) },
        ),
      };
    } else if (step === 'consent') {
      consentHtml = html;
      const choice = opts.consent ?? 'accept';
      const body = new URLSearchParams({ ctx, accept: choice === 'decline' ? 'no' : 'yes' });
      if (choice === 'accept-for-organization') body.set('consent_org', 'on');
      next = { url, body };
    } else {
      return { stuck: { status: res.status, html }, pages, jar };
    }
  }
  throw new Error('sign-in did not finish within 20 steps');
}
