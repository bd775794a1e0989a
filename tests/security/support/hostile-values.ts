import type { HostileValue } from './hostile-table';

/**
 * Hostile values, by what they attack. Tables pick the lists that fit their parameter and add
 * their own (another tenant's id, a real customer id) where that is the point.
 */

const long = (n: number, unit = 'a') => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Free text: injections, encodings, controls, unicode, sizes, prototype keys. */
export const HOSTILE_TEXT: ReadonlyArray<string | HostileValue> = [
  '',
  ' ',
  '\t',
  "' OR '1'='1' --",
  '"; DROP TABLE customers; --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}{{7*7}}#{7*7}',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000',
  '\u0000\u0001\u001f\u007f',
  '\r\nSet-Cookie: injected=1',
  '\r\nX-Injected: 1',
  '%0d%0aX-Injected:%201',
  '\u202eevil\u202c',
  '\u3000',
  '\ufeff',
  'Ａ\uff0f\uff0e\uff0e',
  '\ud83d\ude00',
  '\ud800',
  '__proto__',
  'constructor',
  'toString',
  '[object Object]',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
  '*',
  '%',
  '%%',
  '\\',
  '/',
  '?&=#',
  { label: 'overlong (4,096 chars)', value: long(4096) },
  { label: 'overlong (12,000 chars)', value: long(12_000, 'é') },
];

/** Numbers: page and size parameters. */
export const HOSTILE_NUMBERS: ReadonlyArray<string | HostileValue> = [
  '0',
  '-1',
  '-0',
  '1.5',
  '1e3',
  '1e309',
  'Infinity',
  '-Infinity',
  'NaN',
  '9007199254740993',
  '99999999999999999999999',
  '0x10',
  '0b11',
  '010',
  ' 2 ',
  '2abc',
  '',
  'null',
  '[]',
  '{}',
  '\u0000',
  '１',
  '٣',
  { label: 'overlong digits (2,000)', value: long(2000, '9') },
];

/** Path segments standing for a tenant or customer id (GUIDs), besides the table's own cross-tenant ids. */
export const HOSTILE_IDS: ReadonlyArray<string | HostileValue> = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-guid',
  '1',
  '-1',
  'null',
  'undefined',
  '__proto__',
  // (`..` and `.` themselves never reach a route: every client resolves them away first.)
  '%2e%2e',
  '..%2f..%2fapi%2fhealth',
  '..\\..\\api\\health',
  '%00',
  '\u0000',
  // Lone surrogates: their percent-encoding (%ED%A0%80) is not UTF-8, which Next cannot decode.
  '\ud800',
  '\udfff',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '{385ecd4d-9b53-42c5-afa6-4fd1d0685c2e}',
  '385ecd4d9b5342c5afa64fd1d0685c2e',
  '385ecd4d-9b53-42c5-afa6-4fd1d0685c2e-',
  ' 385ecd4d-9b53-42c5-afa6-4fd1d0685c2e',
  '385ecd4d-9b53-42c5-afa6-4fd1d0685c2e\r\nX-Injected: 1',
  '385ecd4d-9b53-42c5-afa6-4fd1d0685c2g',
  '\u0033\u0038\u0035ecd4d-9b53-42c5-afa6-4fd1d0685c2e\u3000',
  'ｆｆｆｆｆｆｆｆ-ｆｆｆｆ-ｆｆｆｆ-ｆｆｆｆ-ｆｆｆｆｆｆｆｆｆｆｆｆ',
  'contoso.onmicrosoft.com',
  'common',
  'organizations',
  { label: 'overlong id (4,000 chars)', value: long(4000, '0123456789abcdef') },
];

/** CSRF tokens: empty, forged, truncated, for another action. */
export const HOSTILE_TOKENS: ReadonlyArray<string | HostileValue> = [
  '',
  ' ',
  'null',
  'undefined',
  'x',
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  '\u0000',
  '%00',
  '<script>alert(1)</script>',
  '\r\nX-Injected: 1',
  { label: 'overlong token (8,000 chars)', value: long(8000) },
];

/** Cookie values (a forged connect state, a forged session). */
export const HOSTILE_COOKIES: ReadonlyArray<string | HostileValue> = [
  'x',
  'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
  'e30',
  '%00',
  '..',
  '"quoted"',
  { label: 'overlong cookie (3,000 chars)', value: long(3000) },
];

/**
 * Return paths (`/signin?callbackUrl=`, next-auth's `callbackUrl`). `keep`: a same-origin plain
 * path, kept as given (the path and query the browser lands on). `fallback`: not a plain
 * same-origin path, so the default page. `either`: harmless whichever (same origin, no 500).
 */
export interface ReturnPathCase {
  value: string;
  expect: { keep: string } | 'fallback' | 'either';
}

export function returnPathCases(portal: string): HostileValue<ReturnPathCase>[] {
  const host = new URL(portal).host;
  const keep = (value: string, path = value): ReturnPathCase => ({ value, expect: { keep: path } });
  const bad = (value: string): ReturnPathCase => ({ value, expect: 'fallback' });
  const either = (value: string): ReturnPathCase => ({ value, expect: 'either' });
  const cases: ReturnPathCase[] = [
    keep('/dashboard'),
    keep('/dashboard?q=contoso&sort=name&dir=desc&page=2'),
    keep('/connections'),
    keep('/dashboard/customers/0b5f6a7e-1c2d-4e3f-8a9b-0c1d2e3f4a5b'),
    keep('/dashboard?next=//evil.example'),
    keep(`${portal}/connections`, '/connections'),
    // (Empty is no return path at all: /signin uses its default, next-auth its base URL.)
    either(''),
    bad(' '),
    bad('//evil.example/p'),
    bad('///evil.example/p'),
    bad('////evil.example/p'),
    bad('/\\evil.example/p'),
    bad('\\/evil.example/p'),
    bad('\\\\evil.example/p'),
    bad('/\t/evil.example/p'),
    bad('/\n/evil.example/p'),
    bad('/\r/evil.example/p'),
    bad('\t//evil.example/p'),
    bad('/\r\nSet-Cookie: injected=1'),
    bad('/dashboard\r\nX-Injected: 1'),
    bad('/\u0000x'),
    bad('/\u0007'),
    bad('/\u001b[31mred'),
    bad('/\u3000/evil.example/p'),
    bad('/\u00a0/evil.example/p'),
    bad('/\u2028/evil.example/p'),
    bad('/\ufeff/evil.example/p'),
    bad('javascript:alert(document.cookie)'),
    bad('JaVaScRiPt:alert(1)'),
    bad('\tjavascript:alert(1)'),
    bad('java\nscript:alert(1)'),
    bad('data:text/html,<script>alert(1)</script>'),
    bad('vbscript:msgbox(1)'),
    bad('https://evil.example/'),
    bad('http://evil.example/'),
    bad('https:evil.example'),
    bad('http:/\\evil.example'),
    bad(`${portal}@evil.example/`),
    bad(`http://evil.example@${host}/dashboard`),
    bad(`http://user:pass@${host}/dashboard`),
    bad(`http://localhost/dashboard`),
    bad(`https://${host}/dashboard`),
    bad('null'),
    either(`//${host}/dashboard`),
    either('/\u2215\u2215evil.example'),
    either('/\uff0f\uff0fevil.example'),
    either('\uff0f\uff0fevil.example'),
    either('/%2F%2Fevil.example'),
    either('%2F%2Fevil.example'),
    either('/%5Cevil.example'),
    either('/%09/evil.example'),
    either('/%0d%0aSet-Cookie:%20injected=1'),
    either('/@evil.example'),
    either('@evil.example'),
    either('evil.example'),
    either('/.evil.example'),
    either('/../../../etc/passwd'),
    either('/dashboard/../connections'),
    either(`/${long(4000)}`),
    either(`/${long(9000, '%2F')}`),
  ];
  return cases.map((c) => ({
    label: `${typeof c.expect === 'string' ? c.expect : 'keep'} ${shortJson(c.value)}`,
    value: c,
  }));
}

function shortJson(s: string): string {
  const j = JSON.stringify(s).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return j.length > 70 ? `${j.slice(0, 60)}…(${s.length} chars)` : j;
}
