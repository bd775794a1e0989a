import { findGuid, isGuid } from '@/lib/ids/guid';
import { parseTenantId, tenantIdSchema, toTenantId } from '@/lib/ids/tenant-id';

const ID = '8a954e94-eed7-4377-a4a2-f87733d3a09a';

describe('TenantId: parsed once where an id enters', () => {
  it('accepts a GUID in any case and keeps it in lower case, so two ids compare with ===', () => {
    expect(parseTenantId(ID.toUpperCase())).toBe(ID);
    expect(parseTenantId(ID)).toBe(parseTenantId(ID.toUpperCase()));
    expect(tenantIdSchema.parse(ID.toUpperCase())).toBe(ID);
  });

  it.each([
    '',
    ' 8a954e94-eed7-4377-a4a2-f87733d3a09a',
    '8a954e94-eed7-4377-a4a2-f87733d3a09a\n',
    '{8a954e94-eed7-4377-a4a2-f87733d3a09a}',
    '8a954e94eed74377a4a2f87733d3a09a',
    '../8a954e94-eed7-4377-a4a2-f87733d3a09a',
    'common',
    'organizations',
    '8a954e94-eed7-4377-a4a2-f87733d3a09g',
    null,
    undefined,
    42,
    ['8a954e94-eed7-4377-a4a2-f87733d3a09a'],
  ])('refuses %p', (value) => {
    expect(parseTenantId(value)).toBeUndefined();
    expect(() => toTenantId(value)).toThrow('not a tenant id');
    expect(tenantIdSchema.safeParse(value).success).toBe(false);
  });

  it('finds a GUID inside an issuer URL', () => {
    expect(findGuid(`https://login.example/${ID.toUpperCase()}/v2.0`)).toBe(ID);
    expect(findGuid('https://login.example/common/v2.0')).toBeUndefined();
    expect(isGuid(ID)).toBe(true);
  });
});
