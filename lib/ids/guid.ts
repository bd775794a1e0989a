/** A GUID as Entra and Partner Center write ids: 8-4-4-4-12 hex digits, either case. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is exactly one GUID (no spaces, braces or anything around it). */
export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}

/** The first GUID inside a longer text (an issuer URL, a log line), lower-cased; undefined if none. */
export function findGuid(text: string): string | undefined {
  return /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
    .exec(text)?.[0]
    .toLowerCase();
}
