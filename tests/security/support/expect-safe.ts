import { control, manifest, portalUrl, type Answer } from './portal';

/** JWT-shaped text (access and ID tokens), the emulator's refresh tokens and codes (Entra's `1.A…`). */
const TOKEN_SHAPES = [/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./, /\b1\.A[QR][A-Za-z0-9_-]{60,}/];

/** A server-side stack trace or file path in what a browser receives. */
const STACK_SHAPES = [
  /\n\s+at [^\n]+:\d+:\d+/,
  /\bat (?:async )?[\w.<>]+ \([^)]*:\d+:\d+\)/,
  /node_modules\//,
  /\/\.next\/server\//,
  /webpack-internal:/,
];

/** Text that must never reach a browser: token shapes and the app's client secret. */
export function secretsIn(text: string): string[] {
  const found = TOKEN_SHAPES.filter((re) => re.test(text)).map(String);
  const secret = manifest().portalApp.clientSecret;
  if (secret && text.includes(secret)) found.push('client secret');
  return found;
}

export function stacksIn(text: string): string[] {
  return STACK_SHAPES.filter((re) => re.test(text)).map(String);
}

/** Origins a redirect may send a browser to: the portal, and Entra's sign-in pages. */
export function allowedOrigins(): string[] {
  return [new URL(portalUrl()).origin, new URL(manifest().entra.browserHost).origin];
}

/**
 * Where a browser would go for this Location: resolved with the WHATWG URL parser (as browsers
 * do: tabs and newlines dropped, backslashes read as slashes in http URLs) against the portal.
 */
export function browserTarget(location: string): URL {
  return new URL(location, `${portalUrl()}/`);
}

/**
 * What every answer to hostile input must be, whatever the entry point: no 5xx, no stack trace,
 * no token or secret in the body or headers, no redirect off-site, no header made from input.
 */
export function expectSafe(a: Answer, opts: { origins?: string[] } = {}): void {
  const problems: string[] = [];
  if (a.status >= 500) problems.push(`status ${a.status}`);
  const headerText = [...a.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  for (const s of secretsIn(a.text)) problems.push(`token-shaped text in the body (${s})`);
  for (const s of secretsIn(headerText.replace(/^set-cookie:.*$/gim, '')))
    problems.push(`token-shaped text in a header (${s})`);
  for (const s of stacksIn(a.text)) problems.push(`stack trace in the body (${s})`);
  if (a.headers.has('x-injected')) problems.push('a header injected from input');
  if (a.headers.getSetCookie().some((c) => /^injected=/i.test(c)))
    problems.push('a cookie injected from input');
  if (a.location !== null) {
    if (/[\u0000-\u001f\u007f\\]/.test(a.location))
      problems.push(`control character or backslash in Location ${JSON.stringify(a.location)}`);
    let target: URL | undefined;
    try {
      target = browserTarget(a.location);
    } catch {
      problems.push(`unparseable Location ${JSON.stringify(a.location)}`);
    }
    if (target && !(opts.origins ?? allowedOrigins()).includes(target.origin))
      problems.push(
        `redirect off-site to ${target.origin} (Location ${JSON.stringify(a.location)})`,
      );
  }
  if (problems.length > 0)
    throw new Error(
      `unsafe answer (${a.status}):\n  ${problems.join('\n  ')}\n${a.text.slice(0, 300)}`,
    );
}

/** The stable error code of an answer: a JSON `{ error: { code } }`, or `code`/`error` in the redirect's query. */
export function errorCodeOf(a: Answer): string | undefined {
  try {
    const body = JSON.parse(a.text) as { error?: { code?: unknown } | unknown };
    const code = (body.error as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') return code;
  } catch {
    // not JSON
  }
  if (a.location) {
    const q = browserTarget(a.location).searchParams;
    return q.get('code') ?? q.get('error') ?? undefined;
  }
  return undefined;
}

/**
 * Marks of a change to what the portal stores: Key Vault writes and authorization-code
 * redemptions (a code turned into a grant). Refresh-token redemptions store nothing unless they
 * rotate, which is a Key Vault write; they are not counted because the portal's background jobs
 * (the access sync a first visit of the access view starts) redeem them while a table runs.
 */
export interface StateMarks {
  vaultWrites: number;
  redemptions: number;
}

export async function stateMarks(): Promise<StateMarks> {
  const counts = await control().stats();
  let vaultWrites = 0;
  let redemptions = 0;
  for (const [k, n] of Object.entries(counts)) {
    if (/^keyvault (PUT|PATCH|POST|DELETE) \S+ 2\d\d/.test(k)) vaultWrites += n;
    if (/^entra POST \S+ 200 grant_type=authorization_code$/.test(k)) redemptions += n;
  }
  return { vaultWrites, redemptions };
}
