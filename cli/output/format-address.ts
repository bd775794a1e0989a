import type { Address } from '@/lib/partner-center';

/** One line: `1 Microsoft Way, Redmond, WA 98052, US`; undefined when there is nothing to show. */
export function formatAddress(a: Address | undefined): string | undefined {
  if (!a) return undefined;
  const cityLine = [a.city, [a.state, a.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const parts = [a.addressLine1, a.addressLine2, cityLine, a.country].filter((p): p is string =>
    Boolean(p),
  );
  return parts.length ? parts.join(', ') : undefined;
}
