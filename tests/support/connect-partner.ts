import { handleConnectCallback } from '@/lib/connect/handle-connect-callback';
import { startConnect } from '@/lib/connect/start-connect';
import { seededTenants, seededUser } from '../support/manifest';
import { driveSignIn } from './entra-sign-in-driver';

/**
 * Connects a seeded partner tenant through the portal's own connect flow (startConnect, the
 * emulator's sign-in pages with TOTP and consent, handleConnectCallback), so a refresh token is
 * stored in the emulated Key Vault exactly as in production. Returns the tenant id.
 */
export async function connectPartner(which: 'partnerA' | 'partnerB'): Promise<string> {
  const tenant = seededTenants()[which];
  const { authorizeUrl, cookie } = await startConnect();
  const signIn = await driveSignIn(authorizeUrl, seededUser(tenant, 'admin'), { consent: 'accept-for-organization' });
  if (!signIn.redirect) throw new Error(`sign-in did not return to the portal (pages: ${signIn.pages.join(', ')})`);
  const result = await handleConnectCallback({ query: signIn.redirect.searchParams, stateCookie: cookie.value });
  return result.tenantId;
}
