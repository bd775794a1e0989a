import { createHash } from 'node:crypto';

/** A stable GUID derived from a name (UUID v5 layout over SHA-1), so derived object ids survive resets. */
export function guidFromName(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function servicePrincipalObjectId(appId: string, tenantId: string): string {
  return guidFromName(`service-principal:${appId.toLowerCase()}:${tenantId.toLowerCase()}`);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}
