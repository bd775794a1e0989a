import { errorCodeOf, expectSafe, stateMarks } from './expect-safe';
import { request, sessionCookie, type Answer, type Probe } from './portal';

/**
 * One table of hostile values for one entry point: each value becomes a test that sends it,
 * then checks what every answer must be (expectSafe: no 5xx, no stack, no token, no off-site
 * redirect, no injected header) and what this entry point must answer.
 *
 *   hostileTable('GET /api/customers?q=', HOSTILE_TEXT, (v) => ({
 *     path: `/api/customers?q=${encodeURIComponent(v)}`, as: 'staffA',
 *   }), { status: [200, 400] });
 */
export interface Expectation {
  /** Allowed status codes. */
  status?: number | readonly number[];
  /** The stable error code (JSON `error.code`, or `code`/`error` in the redirect's query). */
  code?: string | RegExp;
  /** Where a redirect (3xx) must go: a pattern for its path and query; or 'none' at all. */
  location?: 'none' | RegExp;
  /** Nothing stored changes: no Key Vault write and no refresh-token redemption. */
  unchanged?: boolean;
  /** Strings the body must not contain (e.g. another tenant's ids). */
  bodyExcludes?: readonly string[];
  /** Anything else, on the answer. */
  also?: (a: Answer) => void;
}

export interface HostileValue<T = string> {
  /** Shown in the test name. */
  label: string;
  value: T;
}

/** Plain strings are labelled by their JSON form, shortened; controls and non-ASCII stay visible. */
export function labelled<T>(values: ReadonlyArray<T | HostileValue<T>>): HostileValue<T>[] {
  return values.map((v) =>
    typeof v === 'object' && v !== null && 'label' in v && 'value' in v
      ? (v as HostileValue<T>)
      : { label: shorten(JSON.stringify(v) ?? String(v)), value: v as T },
  );
}

/**
 * encodeURIComponent for any JavaScript string: a lone surrogate (which encodeURIComponent
 * refuses) goes as the bytes a careless client would send (WTF-8), so it still reaches the portal.
 */
export function enc(value: string): string {
  return value.replace(
    /[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]|[^\ud800-\udfff]+/g,
    (part) => {
      try {
        return encodeURIComponent(part);
      } catch {
        const c = part.charCodeAt(0);
        return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      }
    },
  );
}

function shorten(s: string): string {
  const ascii = s.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return ascii.length > 70 ? `${ascii.slice(0, 60)}…(${s.length} chars)` : ascii;
}

export function hostileTable<T = string>(
  entryPoint: string,
  values: ReadonlyArray<T | HostileValue<T>>,
  probe: (value: T) => Probe | Promise<Probe>,
  expected: Expectation | ((value: T) => Expectation) = {},
): void {
  const rows = labelled(values);
  describe(entryPoint, () => {
    test.each(rows.map((r) => [r.label, r] as const))('%s', async (_label, row) => {
      const want = typeof expected === 'function' ? expected(row.value) : expected;
      const p = await probe(row.value);
      await sessionCookie(p.as ?? 'anonymous'); // signs in (and connects) before the state is read
      const before = want.unchanged ? await stateMarks() : undefined;
      const a = await request(p);
      expectSafe(a);
      expectAnswer(a, want);
      if (before) expect(await stateMarks()).toEqual(before);
    });
  });
}

/** The per-entry-point part of a row's checks (also usable on its own). */
export function expectAnswer(a: Answer, want: Expectation): void {
  // Node's HTTP server refuses an oversized request line or headers before the portal sees it.
  if (a.status === 431 || a.status === 414) return;
  if (want.status !== undefined) {
    const allowed = typeof want.status === 'number' ? [want.status] : want.status;
    if (!allowed.includes(a.status))
      throw new Error(
        `status ${a.status}, expected ${allowed.join(' or ')}\n${a.text.slice(0, 300)}`,
      );
  }
  if (want.code !== undefined) {
    const code = errorCodeOf(a);
    if (typeof want.code === 'string') expect(code).toBe(want.code);
    else expect(code).toMatch(want.code);
  }
  if (want.location === 'none') expect(a.location).toBeNull();
  else if (want.location && a.status >= 300 && a.status < 400) {
    expect(a.location).not.toBeNull();
    const target = new URL(a.location!, 'http://x');
    expect(`${target.pathname}${target.search}`).toMatch(want.location);
  }
  for (const s of want.bodyExcludes ?? []) {
    if (a.text.toLowerCase().includes(s.toLowerCase()))
      throw new Error(`the body contains ${JSON.stringify(s)}`);
  }
  want.also?.(a);
}
