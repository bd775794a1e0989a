import 'server-only';
import { redactString } from '@/lib/log/redact';

/**
 * A short, single-line description of an unexpected error for a doctor line: the error's code and
 * the first line of its message, token-shaped text scrubbed, at most 200 characters.
 */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return redactString(String(e)).slice(0, 200);
  const code = (e as { code?: unknown }).code ?? (e.cause as { code?: unknown } | undefined)?.code;
  const first = e.message.split('\n')[0]?.trim() ?? '';
  const text = typeof code === 'string' && !first.includes(code) ? `${code}: ${first}` : first || e.name;
  return redactString(text).slice(0, 200);
}
