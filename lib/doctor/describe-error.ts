import 'server-only';
import { redactString } from '@/lib/log/redact';

/**
 * A short, single-line description of an unexpected error for a doctor line: Entra's AADSTS code
 * and first sentence when the error carries one (MSAL and @azure/identity bury it in a long
 * message), else the error's code and the first line of its message; token-shaped text scrubbed,
 * at most 200 characters.
 */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return redactString(String(e)).slice(0, 200);
  const aadsts = /AADSTS(\d{4,8}): ([^.\r\n]*)/.exec(e.message);
  if (aadsts) return redactString(`AADSTS${aadsts[1]}: ${aadsts[2]}`).slice(0, 200);
  const code = (e as { code?: unknown }).code ?? (e.cause as { code?: unknown } | undefined)?.code;
  const first = e.message.split('\n')[0]?.trim() ?? '';
  const text =
    typeof code === 'string' && !first.includes(code) ? `${code}: ${first}` : first || e.name;
  return redactString(text).slice(0, 200);
}
