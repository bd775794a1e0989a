/**
 * A count with thousands separators ("10,000"). One formatter for the process: `toLocaleString`
 * builds a new Intl.NumberFormat on every call, and the dashboard formats counts on every render.
 */
const counts = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return counts.format(n);
}
