import 'server-only';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors/app-error';

const metadataSchema = z.object({
  issuer: z.string(),
  jwks_uri: z.string().url(),
  token_endpoint: z.string().url(),
  end_session_endpoint: z.string().url(),
});
export type EntraMetadata = z.infer<typeof metadataSchema>;

const TTL_MS = 60 * 60 * 1000;
let cached: { at: number; value: Promise<EntraMetadata> } | undefined;

/** The `organizations` discovery document the staff sign-in uses (the same one next-auth reads). */
export function organizationsWellKnownUrl(): string {
  return `${getConfig().ENTRA_AUTHORITY_HOST}/organizations/v2.0/.well-known/openid-configuration`;
}

/**
 * Entra's multi-tenant metadata, fetched once an hour. We read endpoints from it rather than
 * building them, because hosts differ (national clouds; the emulator's browser pages).
 */
export function getEntraMetadata(): Promise<EntraMetadata> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const value = fetchMetadata();
  cached = { at: Date.now(), value };
  value.catch(() => {
    if (cached?.value === value) cached = undefined;
  });
  return value;
}

async function fetchMetadata(): Promise<EntraMetadata> {
  try {
    const res = await fetch(organizationsWellKnownUrl(), { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`discovery answered ${res.status}`);
    return metadataSchema.parse(await res.json());
  } catch (cause) {
    throw new AppError(
      'auth_discovery_failed',
      'The sign-in service could not be reached. Try again shortly.',
      503,
      { cause },
    );
  }
}
