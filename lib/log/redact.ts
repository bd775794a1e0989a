/**
 * Redaction applied to every log line. Keys that name a credential are dropped whatever their
 * value; strings anywhere else are scrubbed of anything token-shaped, because a token can hide
 * in an error message or a URL just as well as in a field called `token`.
 */
// `code` is the OAuth authorization code, so a field named exactly `code` is dropped too: log
// error codes as `errorCode`.
const SECRET_KEY =
  /(token|secret|password|passwd|authorization|assertion|cookie|^code$|code_verifier|totp)/i;

const RULES: Array<[RegExp, string]> = [
  // Authorization header values.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [REDACTED]'],
  // Query or form parameters that carry credentials.
  [
    /\b(code|refresh_token|access_token|id_token|client_secret|client_assertion|code_verifier)=[^&\s"']+/gi,
    '$1=[REDACTED]',
  ],
  // JWTs (access and ID tokens), signed or not.
  [/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '[REDACTED]'],
  // Long opaque strings: refresh tokens, secrets, keys.
  [/[A-Za-z0-9._~+/=-]{64,}/g, '[REDACTED]'],
];

export const REDACTED = '[REDACTED]';

export function redactString(value: string): string {
  return RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), value);
}

/** Deep copy of `value` with credential keys removed and token-shaped strings scrubbed. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return redactString(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactString(value.message),
      code: (value as { code?: unknown }).code,
    };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        SECRET_KEY.test(k) && v !== undefined && v !== null && typeof v !== 'boolean'
          ? REDACTED
          : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}
