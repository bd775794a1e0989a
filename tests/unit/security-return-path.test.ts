import { parseReturnPath } from '@/lib/security/return-path';

const PORTAL = 'http://localhost:3101';

describe('parseReturnPath: the one return-path parser (/signin and next-auth)', () => {
  it.each([
    ['/dashboard', '/dashboard'],
    ['/dashboard?q=contoso&page=2', '/dashboard?q=contoso&page=2'],
    [
      '/dashboard/customers/8a954e94-eed7-4377-a4a2-f87733d3a09a',
      '/dashboard/customers/8a954e94-eed7-4377-a4a2-f87733d3a09a',
    ],
    ['/connections#top', '/connections#top'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/a/../connections', '/connections'],
    [`${PORTAL}/connections`, '/connections'],
    ['HTTP://LOCALHOST:3101/x', '/x'],
  ])('accepts %p as %p', (value, path) => {
    expect(parseReturnPath(value, PORTAL)).toBe(path);
  });

  it.each([
    '/\t/evil.example/p',
    '/\n/evil.example',
    '/\r\nSet-Cookie: a=b',
    '/\u3000/evil.example',
    '/\u00a0/evil.example',
    '/\u2028/evil.example',
    '/\u0000x',
    '/ /evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    '//evil.example',
    '///evil.example',
    '//evil.example/%2F..',
    'https://evil.example/',
    'http://localhost:3101@evil.example/',
    'http://user:pass@localhost:3101/dashboard',
    'http://localhost:3102/dashboard',
    'https://localhost:3101/dashboard',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'dashboard',
    '.',
    '..',
    '?x=1',
    '#frag',
    '',
    ' /dashboard',
    '/dashboard ',
    '／／evil.example',
    '/\uff0fevil.example',
    '/\u2215evil.example',
    '/dashboard\u202e',
    '/%E3%80%80/evil'.replace('%E3%80%80', '\u3000'),
    `/${'a'.repeat(3000)}`,
    'http:/evil.example',
    'http:evil.example',
    'ftp://localhost:3101/x',
    'mailto:a@evil.example',
    '/\x7f',
  ])('refuses %p', (value) => {
    expect(parseReturnPath(value, PORTAL)).toBeUndefined();
  });

  it.each([undefined, null, 42, ['/dashboard'], { path: '/' }])('refuses a non-string %p', (v) => {
    expect(parseReturnPath(v, PORTAL)).toBeUndefined();
  });
});
