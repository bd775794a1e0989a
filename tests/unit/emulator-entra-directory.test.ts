import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  HOME_TENANT_ID,
  PARTNER_A_TENANT_ID,
  PARTNER_B_TENANT_ID,
  PORTAL_CLIENT_ID,
} from '@/emulator/directory/seed';
import { KEY_VAULT, PARTNER_CENTER } from '@/emulator/directory/resource-apps';
import { wids } from '@/emulator/directory/directory-roles';
import { v1Configuration, v2Configuration } from '@/emulator/entra/discovery/openid-configuration';
import { resolveTenantPath } from '@/emulator/entra/http/tenant-path';
import { makeEntra } from './emulator-entra-harness';

const env = makeEntra();
const { directory, store } = env.deps;
afterAll(() => env.cleanup());

describe('directory', () => {
  test('tenants by GUID or domain, case-insensitive; one home and three partner tenants', () => {
    expect(directory.getTenant('CONTOSOPARTNERS.onmicrosoft.com')?.id).toBe(PARTNER_A_TENANT_ID);
    expect(directory.getTenant(PARTNER_B_TENANT_ID.toUpperCase())?.name).toBe(
      'Fabrikam Cloud Services',
    );
    expect(directory.listTenants('home').map((t) => t.id)).toEqual([HOME_TENANT_ID]);
    expect(directory.listTenants('partner')).toHaveLength(3);
    expect(directory.listTenants('partner').filter((t) => t.userConsent === 'off')).toHaveLength(1);
    for (const t of directory.listTenants('partner')) {
      expect(t.users.map((u) => u.mfa).sort()).toEqual(expect.arrayContaining(['none']));
      expect(
        t.users.some((u) => u.directoryRoles.includes('Global Administrator') && u.mfa !== 'none'),
      ).toBe(true);
    }
  });

  test('customer tenants: added idempotently, no users', () => {
    const c = {
      id: 'AAAAAAAA-0000-4000-8000-000000000001',
      name: 'Adatum',
      domain: 'adatum.onmicrosoft.com',
    };
    directory.addCustomerTenants([c]);
    directory.addCustomerTenants([c]);
    expect(directory.listTenants('customer')).toHaveLength(1);
    expect(directory.getTenant('adatum.onmicrosoft.com')).toMatchObject({
      id: c.id.toLowerCase(),
      kind: 'customer',
      users: [],
    });
  });

  test('the portal app: redirect URIs on the portal, home-tenant service principal, none in partners until consent', () => {
    expect(directory.portalApp).toMatchObject({
      clientId: PORTAL_CLIENT_ID,
      homeTenantId: HOME_TENANT_ID,
      redirectUris: [
        'http://localhost:3000/api/connect/callback',
        'http://localhost:3000/api/auth/callback/entra',
      ],
    });
    const homeSp = directory.servicePrincipalId(PORTAL_CLIENT_ID, HOME_TENANT_ID);
    expect(homeSp).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(directory.servicePrincipalId(PORTAL_CLIENT_ID, PARTNER_B_TENANT_ID)).toBeUndefined();
    expect(directory.servicePrincipalId(KEY_VAULT.appId, PARTNER_B_TENANT_ID)).toBeDefined();
    expect(
      directory.grantedScopes(HOME_TENANT_ID, PORTAL_CLIENT_ID, PARTNER_CENTER.appId, 'anyone'),
    ).toEqual(['user_impersonation']);
  });

  test('consent: per user, or tenant-wide; creates the service principal; persisted; reset restores the seed', () => {
    const userOid = 'af004c7d-b754-41c9-a5b2-a08b364f5e98';
    directory.grantConsent(
      PARTNER_B_TENANT_ID,
      PORTAL_CLIENT_ID,
      userOid,
      new Map([[PARTNER_CENTER.appId, ['user_impersonation']]]),
      1,
    );
    expect(
      directory.grantedScopes(PARTNER_B_TENANT_ID, PORTAL_CLIENT_ID, PARTNER_CENTER.appId, userOid),
    ).toEqual(['user_impersonation']);
    expect(
      directory.grantedScopes(
        PARTNER_B_TENANT_ID,
        PORTAL_CLIENT_ID,
        PARTNER_CENTER.appId,
        'someone-else',
      ),
    ).toEqual([]);
    directory.grantConsent(
      PARTNER_B_TENANT_ID,
      PORTAL_CLIENT_ID,
      undefined,
      new Map([[KEY_VAULT.appId, ['user_impersonation']]]),
      1,
    );
    expect(
      directory.grantedScopes(
        PARTNER_B_TENANT_ID,
        PORTAL_CLIENT_ID,
        KEY_VAULT.appId,
        'someone-else',
      ),
    ).toEqual(['user_impersonation']);
    const sp = directory.servicePrincipalId(PORTAL_CLIENT_ID, PARTNER_B_TENANT_ID);
    expect(sp).toBeDefined();

    const onDisk = JSON.parse(readFileSync(join(env.stateDir, 'entra.json'), 'utf8')) as {
      directory: { grants: unknown[] };
    };
    expect(onDisk.directory.grants.length).toBe(store.data.directory.grants.length);
    const reopened = env.reopen();
    expect(reopened.directory.servicePrincipalId(PORTAL_CLIENT_ID, PARTNER_B_TENANT_ID)).toBe(sp);

    store.reset();
    expect(directory.servicePrincipalId(PORTAL_CLIENT_ID, PARTNER_B_TENANT_ID)).toBeUndefined();
    expect(directory.servicePrincipalId(PORTAL_CLIENT_ID, HOME_TENANT_ID)).toBeDefined();
  });

  test('wids: role template ids plus the member-user template', () => {
    expect(wids(['Global Administrator'])).toEqual([
      '62e90394-69f5-4237-9190-012177145e10',
      'b79fbf4d-3ef9-4689-8143-76b194e85509',
    ]);
    expect(wids([])).toEqual(['b79fbf4d-3ef9-4689-8143-76b194e85509']);
  });
});

describe('discovery documents', () => {
  const hosts = { authority: 'https://localhost:8440', browser: 'http://localhost:8441' };
  test('tenant document: GUID everywhere, issuer on the authority, pages on the browser origin', () => {
    const doc = v2Configuration(
      resolveTenantPath(directory, 'contosopartners.onmicrosoft.com')!,
      hosts,
    );
    expect(doc.issuer).toBe(`https://localhost:8440/${PARTNER_A_TENANT_ID}/v2.0`);
    expect(doc.token_endpoint).toBe(
      `https://localhost:8440/${PARTNER_A_TENANT_ID}/oauth2/v2.0/token`,
    );
    expect(doc.jwks_uri).toBe(`https://localhost:8440/${PARTNER_A_TENANT_ID}/discovery/v2.0/keys`);
    expect(doc.authorization_endpoint).toBe(
      `http://localhost:8441/${PARTNER_A_TENANT_ID}/oauth2/v2.0/authorize`,
    );
    expect(doc.end_session_endpoint).toBe(
      `http://localhost:8441/${PARTNER_A_TENANT_ID}/oauth2/v2.0/logout`,
    );
    expect(doc.tenant_region_scope).toBe('WW');
  });

  test('common: only the issuer is templated; v1 document has the sts issuer', () => {
    const common = resolveTenantPath(directory, 'common')!;
    expect(v2Configuration(common, hosts)).toMatchObject({
      issuer: 'https://localhost:8440/{tenantid}/v2.0',
      token_endpoint: 'https://localhost:8440/common/oauth2/v2.0/token',
      tenant_region_scope: null,
    });
    expect(
      v1Configuration(resolveTenantPath(directory, PARTNER_A_TENANT_ID)!, hosts),
    ).toMatchObject({
      issuer: `https://sts.windows.net/${PARTNER_A_TENANT_ID}/`,
      jwks_uri: `https://localhost:8440/${PARTNER_A_TENANT_ID}/discovery/keys`,
    });
  });
});
