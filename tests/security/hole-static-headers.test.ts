import { request } from './support/portal';

/**
 * Hole 5: `X-Content-Type-Options: nosniff` on what `npm start` serves outside the page
 * pipeline too: /_next/static (scripts, styles, fonts), /_next/image, and their 404s.
 */

/** Every /_next/static asset the start page links to. */
async function staticAssets(): Promise<string[]> {
  const page = await request({ path: '/' });
  const found = new Set<string>();
  for (const m of page.text.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)) found.add(m[1]!);
  return [...found];
}

test('the start page links static scripts and styles (so the next test checks something)', async () => {
  const assets = await staticAssets();
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
});

test('every static script and style the start page links carries nosniff', async () => {
  const missing: string[] = [];
  for (const path of await staticAssets()) {
    const a = await request({ path });
    expect(a.status).toBe(200);
    if (a.headers.get('x-content-type-options') !== 'nosniff') missing.push(path);
  }
  expect(missing).toEqual([]);
});

test.each([
  ['a font under /_next/static/media (absent)', '/_next/static/media/none.woff2'],
  ['a static chunk that does not exist', '/_next/static/chunks/none.js'],
  ['/_next/image of a local path', '/_next/image?url=%2Ffavicon.ico&w=64&q=75'],
  ['/_next/image of another site', '/_next/image?url=https%3A%2F%2Fevil.example%2Fx.png&w=64&q=75'],
  ['/_next/image without parameters', '/_next/image'],
  ['/favicon.ico', '/favicon.ico'],
])('%s carries nosniff', async (_label, path) => {
  const a = await request({ path });
  expect(a.status).toBeLessThan(500);
  expect(a.headers.get('x-content-type-options')).toBe('nosniff');
});
