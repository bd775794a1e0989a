import { Fragment } from 'react';

// http(s) URLs only; trailing sentence punctuation is not part of the link.
const URL_PATTERN = /https?:\/\/[^\s<>"')]+/g;
const TRAILING = /[.,;:!?]+$/;

/**
 * Advice text with its URLs as links (e.g. https://aka.ms/mfasetup). They open in a new tab
 * with `noopener noreferrer`, so the target learns nothing about the portal page.
 */
export function LinkedText({ text }: { text: string | undefined }) {
  if (typeof text !== 'string') return null;
  const parts: Array<string | { href: string }> = [];
  let last = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    const href = m[0].replace(TRAILING, '');
    if (!URL.canParse(href)) continue;
    const start = m.index;
    parts.push(text.slice(last, start), { href });
    last = start + href.length;
  }
  parts.push(text.slice(last));
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          <Fragment key={i}>{p}</Fragment>
        ) : (
          <a key={i} href={p.href} rel="noopener noreferrer" target="_blank">
            {p.href}
          </a>
        ),
      )}
    </>
  );
}
