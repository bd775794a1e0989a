import type { Address } from '@/lib/partner-center/types';

export function AddressBlock({ address }: { address?: Address }) {
  if (!address) return <span className="muted">—</span>;
  const lines = [
    address.addressLine1,
    address.addressLine2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    [address.state, address.region].filter(Boolean).join(', '),
    address.country,
  ].filter((l): l is string => Boolean(l));
  return (
    <address>
      {lines.map((l, i) => (
        <span key={i}>
          {l}
          <br />
        </span>
      ))}
    </address>
  );
}
