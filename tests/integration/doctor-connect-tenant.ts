/**
 * Connects a seeded partner tenant through the portal's real connect flow (startConnect, the
 * Entra pages driven like a browser, handleConnectCallback), so the doctor has a stored
 * connection to check. Run as a child process against a private cloud (see doctor-cloud.ts):
 *
 *   tsx --conditions=react-server tests/integration/doctor-connect-tenant.ts <partnerA|partnerB>
 */
import { handleConnectCallback } from '@/lib/connect/handle-connect-callback';
import { startConnect } from '@/lib/connect/start-connect';
import { seededTenants, seededUser } from '../support/manifest';
import { driveSignIn } from './entra-sign-in-driver';

async function main(): Promise<void> {
  const which = process.argv[2] === 'partnerB' ? 'partnerB' : 'partnerA';
  const tenant = seededTenants()[which];
  const { authorizeUrl, cookie } = await startConnect();
  const signIn = await driveSignIn(authorizeUrl, seededUser(tenant, 'admin'), { consent: 'accept-for-organization' });
  if (!signIn.redirect) throw new Error(`sign-in did not return to the portal (pages: ${signIn.pages.join(', ')})`);
  const result = await handleConnectCallback({ query: signIn.redirect.searchParams, stateCookie: cookie.value });
  console.log(result.tenantId);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
    process.exit(1);
  },
);
