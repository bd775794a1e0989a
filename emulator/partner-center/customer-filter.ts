import type { SearchField } from './customer-index';
import { badInput } from './errors';

/**
 * The `filter` query of `GET /v1/customers`: URL-encoded JSON
 * `{"Field":"CompanyName"|"Domain","Value":"...","Operator":"starts_with"}` (get-a-customer-by-name.md).
 * "The only supported value for this customer scenario is starts_with"; matching is case-insensitive.
 */
export function parseCustomerFilter(
  raw: unknown,
): { field: SearchField; prefix: string } | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048)
    throw badInput('The filter is invalid.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badInput('The filter is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null)
    throw badInput('The filter must be a JSON object with Field, Value and Operator.');
  const { Field, Value, Operator } = parsed as Record<string, unknown>;
  if (Field !== 'CompanyName' && Field !== 'Domain') {
    throw badInput(
      `The filter field '${String(Field)}' is not supported for customers; use CompanyName or Domain.`,
    );
  }
  if (Operator !== 'starts_with') {
    throw badInput(
      `The filter operator '${String(Operator)}' is not supported; the only supported operator is starts_with.`,
    );
  }
  if (typeof Value !== 'string' || Value.trim().length === 0)
    throw badInput('The filter value must be a non-empty string.');
  return { field: Field, prefix: Value };
}
