import { z } from 'zod';
import { tenantIdSchema, type TenantId } from '@/lib/ids/tenant-id';

/**
 * Who is signed in, as every page and data function sees it. Built from the validated ID token
 * at sign-in and kept in the encrypted session cookie. It never holds a token.
 */
export interface SessionUser {
  /** The user's tenant: the partner tenant whose data they may see (or the home tenant). */
  tid: TenantId;
  oid: string;
  /**
   * This session's id, random at sign-in: action tokens (CSRF) are bound to it, so they are
   * different in every session and die with it.
   */
  sid: string;
  name: string;
  upn: string;
  /** App roles assigned to the user for the portal app. */
  roles: string[];
  isPartnerAdmin: boolean;
  isOperator: boolean;
}

/** The fields sign-in writes into the session JWT (see auth-options.ts). */
export const sessionClaimsSchema = z.object({
  tid: tenantIdSchema,
  oid: z.string().min(1),
  // Sessions from before session ids existed read as signed out: one sign-in fixes that.
  sid: z.string().min(16),
  name: z.string(),
  upn: z.string(),
  roles: z.array(z.string()),
  isPartnerAdmin: z.boolean(),
  isOperator: z.boolean(),
});

/** Reads a SessionUser out of a decoded session; anything malformed counts as signed out. */
export function toSessionUser(value: unknown): SessionUser | null {
  const parsed = sessionClaimsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
