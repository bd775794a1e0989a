import { controlFor, type Control } from '../../support/control';
import { loadManifest, seededTenants, seededUser, type Manifest } from '../../support/manifest';
import { connectTenant, signInStaff } from '../../support/portal-http-session';

/**
 * The portal and local cloud the security suite's global setup started, and the people who use
 * them: sessions are signed in through the real next-auth and Entra sign-in over HTTP, once per
 * test file, and reused by every row of that file's tables.
 */

export function portalUrl(): string {
  const url = process.env.SECURITY_PORTAL_URL;
  if (!url)
    throw new Error('SECURITY_PORTAL_URL is not set: run with `jest --selectProjects security`');
  return url;
}

let cachedManifest: Manifest | undefined;
export function manifest(): Manifest {
  return (cachedManifest ??= loadManifest());
}

let cachedControl: Control | undefined;
export function control(): Control {
  return (cachedControl ??= controlFor(manifest()));
}

export function tenants() {
  return seededTenants(manifest());
}

/** Who makes a request: nobody, or a seeded user of partner A or B, or the operator (home tenant). */
export type Who = 'anonymous' | 'staffA' | 'adminA' | 'staffB' | 'adminB' | 'operator';

export function userOf(who: Exclude<Who, 'anonymous'>) {
  const t = tenants();
  switch (who) {
    case 'staffA':
      return seededUser(t.partnerA, 'staff');
    case 'adminA':
      return seededUser(t.partnerA, 'admin');
    case 'staffB':
      return seededUser(t.partnerB, 'staff');
    case 'adminB':
      return seededUser(t.partnerB, 'admin');
    case 'operator':
      return seededUser(t.home, 'operator');
  }
}

const sessions = new Map<Who, Promise<string>>();
const connected = new Map<'partnerA' | 'partnerB', Promise<void>>();

function partnerOf(who: Who): 'partnerA' | 'partnerB' | undefined {
  return who.endsWith('A') ? 'partnerA' : who.endsWith('B') ? 'partnerB' : undefined;
}

/**
 * The session cookie header of `who`, signed in once per test file. Only users of a connected
 * tenant may sign in, so the user's partner tenant is connected first (once per file).
 */
export function sessionCookie(who: Who): Promise<string> {
  if (who === 'anonymous') return Promise.resolve('');
  let s = sessions.get(who);
  if (!s) {
    const partner = partnerOf(who);
    s = (partner ? ensureConnected(partner) : Promise.resolve()).then(() =>
      signInStaff(portalUrl(), userOf(who)),
    );
    sessions.set(who, s);
  }
  return s;
}

/** Connects a partner tenant through the portal's connect flow, once per test file. */
export function ensureConnected(which: 'partnerA' | 'partnerB'): Promise<void> {
  let c = connected.get(which);
  if (!c) {
    c = connect(which);
    connected.set(which, c);
  }
  return c;
}

/** Connects partner A and/or B now (a new secret version each time), as its admin would. */
export async function connect(...which: Array<'partnerA' | 'partnerB'>): Promise<void> {
  for (const w of which)
    await connectTenant(portalUrl(), userOf(w === 'partnerA' ? 'adminA' : 'adminB'));
}

export interface Probe {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
  /** Path and query, raw: the test decides the encoding (hostile values are often about it). */
  path: string;
  as?: Who;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  /** Sends the Origin a browser's same-origin form post carries (default for non-GET). */
  sameOrigin?: boolean;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The Location header, raw, when there is one. */
  location: string | null;
}

/** One request to the portal, without following redirects, as a browser's first hop. */
export async function request(probe: Probe): Promise<Answer> {
  const method = probe.method ?? 'GET';
  const cookie = await sessionCookie(probe.as ?? 'anonymous');
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (probe.body instanceof URLSearchParams)
    headers['content-type'] = 'application/x-www-form-urlencoded';
  if (method !== 'GET' && method !== 'HEAD' && probe.sameOrigin !== false)
    headers.origin = portalUrl();
  Object.assign(headers, probe.headers);
  const res = await fetch(`${portalUrl()}${probe.path}`, {
    method,
    headers,
    body: probe.body,
    redirect: 'manual',
  });
  const text = method === 'HEAD' ? '' : await res.text();
  return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
}
