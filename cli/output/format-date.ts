/** `2026-03-01T14:05:09.123Z` → `2026-03-01 14:05Z`: minutes are enough in a table, and UTC says so. */
export function shortDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}
