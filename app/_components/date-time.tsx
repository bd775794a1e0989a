const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as `<time datetime>`, with the full UTC timestamp in its title. Formatted by hand in UTC,
 * so the server's locale and time zone never change what a page says. `dateOnly` for tables.
 */
export function DateTime({
  iso,
  dateOnly = false,
  fallback = '—',
}: {
  iso: string | undefined;
  dateOnly?: boolean;
  fallback?: string;
}) {
  const d = iso ? new Date(iso) : undefined;
  if (!d || Number.isNaN(d.getTime())) return <>{fallback}</>;
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const full = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
  return (
    <time dateTime={d.toISOString()} title={full}>
      {dateOnly ? day : `${day}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`}
    </time>
  );
}
