import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { DateTime } from '@/app/_components/date-time';
import { LinkedText } from '@/app/_components/linked-text';
import { NAV_LINKS, navLinksFor } from '@/app/_shell/nav-links';
import { portalRole } from '@/lib/auth/portal-role';

describe('the nav definition', () => {
  test('each role gets exactly its links', () => {
    const hrefs = (r: Parameters<typeof navLinksFor>[0]) => navLinksFor(r).map((l) => l.label);
    expect(hrefs('staff')).toEqual(['Customers', 'Access']);
    expect(hrefs('partner-admin')).toEqual(['Customers', 'Access', 'Connections', 'Activity']);
    expect(hrefs('operator')).toEqual(['Connections', 'Activity']);
    expect(new Set(NAV_LINKS.map((l) => l.id)).size).toBe(NAV_LINKS.length);
  });

  test('an operator is an operator even when also named an admin', () => {
    expect(portalRole({ isOperator: true, isPartnerAdmin: true })).toBe('operator');
    expect(portalRole({ isOperator: false, isPartnerAdmin: true })).toBe('partner-admin');
    expect(portalRole({ isOperator: false, isPartnerAdmin: false })).toBe('staff');
  });
});

describe('small texts', () => {
  test('URLs in advice become links with noopener noreferrer; trailing punctuation stays text', () => {
    const html = renderToStaticMarkup(
      createElement(LinkedText, {
        text: 'Register at https://aka.ms/mfasetup, then see (https://example.com/a?b=1).',
      }),
    );
    expect(html).toBe(
      'Register at <a href="https://aka.ms/mfasetup" rel="noopener noreferrer" target="_blank">https://aka.ms/mfasetup</a>, then see (<a href="https://example.com/a?b=1" rel="noopener noreferrer" target="_blank">https://example.com/a?b=1</a>).',
    );
  });

  test('only http(s) URLs are linked', () => {
    const html = renderToStaticMarkup(
      createElement(LinkedText, { text: 'javascript:alert(1) and ftp://x.example' }),
    );
    expect(html).not.toContain('<a');
  });

  test('dates: <time datetime> with the full UTC timestamp as the title', () => {
    const html = renderToStaticMarkup(createElement(DateTime, { iso: '2026-03-04T05:06:07.000Z' }));
    expect(html).toBe(
      '<time dateTime="2026-03-04T05:06:07.000Z" title="2026-03-04 05:06:07 UTC">4 Mar 2026, 05:06 UTC</time>',
    );
    expect(
      renderToStaticMarkup(createElement(DateTime, { iso: 'garbage', fallback: 'never' })),
    ).toBe('never');
  });
});
