import { aadsts } from '../http/aadsts';
import { EntraError } from '../http/entra-error';

export type TokenForm = Record<string, string>;

/**
 * The token request's form fields. Entra reads only x-www-form-urlencoded bodies; anything else
 * reads as empty (so the missing `grant_type` is reported). A repeated field is malformed.
 */
export function readForm(contentType: string | undefined, body: unknown): TokenForm {
  if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) return {};
  if (!body || typeof body !== 'object') return {};
  const out: TokenForm = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v !== 'string') throw new EntraError(aadsts.malformedRequest());
    out[k] = v;
  }
  return out;
}

export function required(form: TokenForm, name: string): string {
  const v = form[name];
  if (v === undefined || v === '') throw new EntraError(aadsts.missingParameter(name));
  return v;
}
