/** A date as a `<time>` element (machine-readable), shown as a UTC date. */
export function When({ iso, withTime = false }: { iso?: string; withTime?: boolean }) {
  if (!iso) return <span className="muted">—</span>;
  const d = new Date(iso);
  const text = withTime
    ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
    : d.toISOString().slice(0, 10);
  return <time dateTime={d.toISOString()}>{text}</time>;
}
