import type { EmulatorContext } from '@/emulator/core/service';
import type { Tenant, TenantKind } from '@/emulator/directory/types';
import { createPartnerCenterService } from '@/emulator/partner-center';
import { seedCustomers } from '@/emulator/seed';
import { makeTestContext, mountService, signV1 } from './emulator-keyvault-harness';

export const PARTNER_A = 'a1000000-0000-4000-8000-00000000000a';
export const PARTNER_B = 'b1000000-0000-4000-8000-00000000000b';
export const HOME = 'c1000000-0000-4000-8000-00000000000c';

const tenant = (id: string, name: string, domain: string, kind: TenantKind): Tenant => ({
  id,
  name,
  domain,
  kind,
  users: [],
});

/** The slice of the Entra directory Partner Center uses: a home tenant, two partners, added customers. */
export function fakePartnerCenterDirectory() {
  const tenants: Tenant[] = [
    tenant(HOME, 'Northwind Portal', 'northwindportal.onmicrosoft.com', 'home'),
    tenant(PARTNER_A, 'Contoso Partners', 'contosopartners.onmicrosoft.com', 'partner'),
    tenant(PARTNER_B, 'Fabrikam Cloud', 'fabrikamcloud.onmicrosoft.com', 'partner'),
  ];
  return {
    tenants,
    listTenants: (kind?: TenantKind) => tenants.filter((t) => !kind || t.kind === kind),
    addCustomerTenants: (list: Array<{ id: string; name: string; domain: string }>) => {
      for (const t of list) tenants.push(tenant(t.id, t.name, t.domain, 'customer'));
    },
  };
}

/** A Partner Center access token: App+User with MFA unless overridden. */
export function pcToken(
  ctx: EmulatorContext,
  tid: string,
  overrides: Record<string, unknown> = {},
  lifetimeSeconds = 3600,
): Promise<string> {
  return signV1(
    ctx,
    {
      aud: 'https://api.partnercenter.microsoft.com',
      iss: `https://sts.windows.net/${tid}/`,
      tid,
      oid: 'd1000000-0000-4000-8000-00000000000d',
      appid: 'e1000000-0000-4000-8000-00000000000e',
      scp: 'user_impersonation',
      amr: ['pwd', 'mfa'],
      ...overrides,
    },
    lifetimeSeconds,
  );
}

/** An app-only (client credentials) Partner Center token. */
export function pcAppToken(ctx: EmulatorContext, tid: string): Promise<string> {
  return pcToken(ctx, tid, { scp: undefined, amr: undefined, idtyp: 'app' });
}

/** Partner Center mounted over the fake directory, with partner A at `scale` customers. */
export async function mountPartnerCenter(scale = 2500) {
  const { ctx, cleanup } = makeTestContext(scale);
  const directory = fakePartnerCenterDirectory();
  const svc = createPartnerCenterService(ctx, directory);
  const pc = await mountService(ctx, svc);
  return {
    ctx,
    svc,
    pc,
    directory,
    /** The seed the service used, regenerated independently: it must be deterministic. */
    expected: seedCustomers(
      [PARTNER_A, PARTNER_B],
      scale,
      directory.tenants.filter((t) => t.kind !== 'customer').map((t) => t.domain),
    ),
    close: async () => {
      await pc.close();
      cleanup();
    },
  };
}
