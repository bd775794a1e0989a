import type { FastifyRequest } from 'fastify';
import { badParameter } from './errors';

/**
 * Versions of the secrets API the emulator answers (wire.md §4.1). @azure/keyvault-secrets 4.12
 * defaults to 2026-04-01 (its LATEST_API_VERSION), which wire.md, written against 4.11, predates.
 */
export const SUPPORTED_API_VERSIONS = ['7.4', '7.5', '7.6', '2025-07-01', '2026-04-01'] as const;
const LATEST = SUPPORTED_API_VERSIONS[SUPPORTED_API_VERSIONS.length - 1];

/**
 * The request's api-version. Fastify's query parser percent-decodes keys, so the SDK's
 * `api%2Dversion` arrives as `api-version`. Key Vault has no default version: missing is an error.
 */
export function requireApiVersion(req: FastifyRequest): string {
  const value = (req.query as Record<string, unknown>)['api-version'];
  if (typeof value !== 'string' || value === '') {
    throw badParameter(
      'The api-version query parameter is missing. Consider using the latest supported version (' +
        LATEST +
        ').',
    );
  }
  if (!(SUPPORTED_API_VERSIONS as readonly string[]).includes(value)) {
    throw badParameter(
      `The specified version (${value}) is not recognized. Consider using the latest supported version (${LATEST}).`,
    );
  }
  return value;
}
