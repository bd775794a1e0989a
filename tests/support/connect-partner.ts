import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { handleConnectCallback } from '@/lib/connect/handle-connect-callback';
import { startConnect } from '@/lib/connect/start-connect';
import { driveSignIn } from '../integration/entra-sign-in-driver';
import { seededTenants, seededUser } from './manifest';

/**
 * Connects a seeded partner tenant through the portal's own connect flow (startConnect, the
 * emulator's sign-in pages with TOTP and consent, handleConnectCallback), so a refresh token is
 * stored in the emulated Key Vault exactly as in production. Returns the tenant id.
 */
export async function connectPartner(which: 'partnerA' | 'partnerB'): Promise<TenantId> {
  const tenant = seededTenants()[which];
  const { authorizeUrl, cookie } = await startConnect();
  const signIn = await driveSignIn(authorizeUrl, seededUser(tenant, 'admin'), {
    consent: 'accept-for-organization',
  });
  if (!signIn.redirect)
    throw new Error(`sign-in did not return to the portal (pages: ${signIn.pages.join(', ')})`);
  const result = await handleConnectCallback({
    query: signIn.redirect.searchParams,
    stateCookie: cookie.value,
  });
  return toTenantId(result.tenantId);
}

// As a child process in a private cloud's portal env (the doctor and CLI tests need a stored
// connection there), it connects one partner and prints its tenant id:
//   tsx --conditions=react-server tests/support/connect-partner.ts <partnerA|partnerB>
if (require.main === module) {
  connectPartner(process.argv[2] === 'partnerB' ? 'partnerB' : 'partnerA').then(
    (tenantId) => {
      console.log(tenantId);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
      process.exit(1);
    },
  );
}
