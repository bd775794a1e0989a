import type { Directory, Tenant } from '../../directory/directory';

/** The `{tenant}` path segment of a request, resolved against the directory. */
export type TenantPath =
  | { kind: 'multi'; segment: 'common' | 'organizations' }
  | { kind: 'tenant'; segment: string; tenant: Tenant };

/** Resolves `common`, `organizations`, a tenant GUID or a verified domain; undefined when unknown. */
export function resolveTenantPath(directory: Directory, segment: string): TenantPath | undefined {
  const s = segment.toLowerCase();
  if (s === 'common' || s === 'organizations') return { kind: 'multi', segment: s };
  const tenant = directory.getTenant(s);
  return tenant ? { kind: 'tenant', segment: s, tenant } : undefined;
}

/** The segment Entra puts in endpoint URLs: the tenant GUID, or `common` / `organizations`. */
export function canonicalSegment(path: TenantPath): string {
  return path.kind === 'multi' ? path.segment : path.tenant.id;
}

/** Whether a user of `tenantId` may sign in through this path (no guest accounts are emulated). */
export function admitsTenant(path: TenantPath, tenantId: string): boolean {
  return path.kind === 'multi' || path.tenant.id === tenantId;
}
