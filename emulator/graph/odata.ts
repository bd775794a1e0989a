import { createHash } from 'node:crypto';
import { badRequest } from './errors';

/**
 * The OData query options the emulated Graph routes take: `$top` (1..max), an opaque
 * `$skiptoken` bound to the query it continues, `$select`, and a small `$filter` grammar:
 * `<property> eq '<value>'` terms joined with `and` (any case), with or without parentheses.
 */

export function parseTop(raw: unknown, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw))
    throw badRequest(`Invalid value '${String(raw)}' for $top query option found.`);
  const n = Number(raw);
  if (n > max)
    throw badRequest(
      `The limit of '${max}' for Top query has been exceeded. The value from the incoming request is '${n}'.`,
    );
  if (n < 1) throw badRequest(`Invalid value '${n}' for $top query option found.`);
  return n;
}

/** A hash of what a page depends on, so a skip token can't continue a different query. */
export function queryKey(...parts: Array<string | undefined>): string {
  return createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('base64url')
    .slice(0, 16);
}

export function encodeSkipToken(offset: number, key: string): string {
  return Buffer.from(JSON.stringify({ o: offset, k: key })).toString('base64url');
}

export function decodeSkipToken(raw: unknown, key: string): number {
  if (raw === undefined) return 0;
  try {
    if (typeof raw !== 'string') throw new Error('not a string');
    const t = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as {
      o?: unknown;
      k?: unknown;
    };
    if (t.k !== key || typeof t.o !== 'number' || !Number.isInteger(t.o) || t.o < 0)
      throw new Error('mismatch');
    return t.o;
  } catch {
    throw badRequest('The $skiptoken is invalid or does not belong to this query.');
  }
}

export function parseSelect(
  raw: unknown,
  allowed: readonly string[],
  type: string,
): string[] | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.trim() === '') throw badRequest('Invalid $select clause.');
  const fields = raw.split(',').map((f) => f.trim());
  for (const f of fields) {
    if (!allowed.includes(f))
      throw badRequest(`Could not find a property named '${f}' on type '${type}'.`);
  }
  return fields;
}

/** `$select` applied to one item: the chosen fields, with OData annotations and `id` kept. */
export function selectFields<T extends Record<string, unknown>>(
  item: T,
  fields?: string[],
): Record<string, unknown> {
  if (!fields) return item;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k.startsWith('@odata.') || k === 'id' || fields.includes(k)) out[k] = v;
  }
  return out;
}

/** One `<property> eq '<value>'` term; `property` as written, e.g. `customer/tenantId`. */
export interface EqTerm {
  property: string;
  value: string;
}

type Token = { kind: '(' | ')' | 'word' | 'string'; text: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      out.push({ kind: c, text: c });
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= src.length)
          throw badRequest('Invalid filter clause: unterminated string literal.');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += src[i];
        i++;
      }
      out.push({ kind: 'string', text: value });
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_/]*/.exec(src.slice(i));
      if (!m) throw badRequest(`Invalid filter clause: syntax error at position ${i}.`);
      out.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/** Parses `$filter`; every property must be in `allowed` (compared case-insensitively). */
export function parseEqFilter(raw: unknown, allowed: readonly string[]): EqTerm[] {
  if (raw === undefined) return [];
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 2000)
    throw badRequest('Invalid filter clause.');
  const tokens = tokenize(raw);
  let pos = 0;
  const terms: EqTerm[] = [];
  const expect = (kind: Token['kind']) => {
    const t = tokens[pos];
    if (!t || t.kind !== kind)
      throw badRequest(`Invalid filter clause: syntax error at token ${pos + 1}.`);
    pos++;
    return t;
  };
  const term = (): void => {
    if (tokens[pos]?.kind === '(') {
      pos++;
      expr();
      expect(')');
      return;
    }
    const property = expect('word').text;
    const op = expect('word').text;
    if (op.toLowerCase() !== 'eq')
      throw badRequest(
        `Invalid filter clause: the operator '${op}' is not supported for this property.`,
      );
    const value = expect('string').text;
    const known = allowed.find((a) => a.toLowerCase() === property.toLowerCase());
    if (!known)
      throw badRequest(`Invalid filter clause: could not find a property named '${property}'.`);
    terms.push({ property: known, value });
  };
  const expr = (): void => {
    term();
    while (tokens[pos]?.kind === 'word' && tokens[pos]!.text.toLowerCase() === 'and') {
      pos++;
      term();
    }
  };
  expr();
  if (pos !== tokens.length)
    throw badRequest('Invalid filter clause: only eq terms joined with and are supported.');
  return terms;
}

/** A query string with OData option names left as written (`$top`, not `%24top`), as Graph's links have them. */
export function odataQuery(params: Array<[string, string]>): string {
  return params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}
