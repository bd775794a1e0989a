import type { Metadata } from 'next';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Connect a partner tenant · Partner Portal' };

export default function ConnectWizardPage() {
  const resource = getConfig().PARTNER_CENTER_RESOURCE;
  return (
    <main>
      <h1>Connect your Partner Center tenant</h1>
      <p className="muted">
        This is Microsoft&apos;s Secure Application Model: you sign in once, with multi-factor
        authentication, and consent. The portal then keeps a refresh token for your tenant in Azure
        Key Vault and uses it on the server only.
      </p>

      <section className="card">
        <h2>1. Who should sign in</h2>
        <p>
          A <strong>Global Administrator</strong> of your partner tenant who also holds the{' '}
          <strong>Admin Agent</strong> role in Partner Center. Microsoft recommends a dedicated
          integration account rather than a person&apos;s everyday account, so that a password reset
          or a leaver does not cut the connection.
        </p>
      </section>

      <section className="card">
        <h2>2. Multi-factor authentication is required</h2>
        <p>
          Partner Center accepts App+User calls only with MFA. If the Partner Center token the
          sign-in produces does not record MFA, the portal refuses to store it and tells you how to
          fix it. Have your authenticator ready.
        </p>
      </section>

      <section className="card">
        <h2>3. What you will be asked to consent to</h2>
        <ul>
          <li>
            <code>{resource}/user_impersonation</code>: call Partner Center as the signed-in account
            (read your customers and their subscriptions).
          </li>
          <li>
            <code>offline_access</code>: keep a refresh token so the portal can work when you are
            not signed in.
          </li>
          <li>
            <code>openid</code>, <code>profile</code>: know who connected, to show it on the
            Connections page.
          </li>
        </ul>
        <p className="muted">
          The portal checks that your tenant is a Partner Center partner before storing anything.
          Nothing is stored if any step fails. You can disconnect at any time from the Connections
          page.
        </p>
      </section>

      {/* A plain link: the route handler sets the state cookie and redirects to Microsoft. */}
      <a className="button" href="/api/connect/start" data-testid="connect-start">
        Sign in with Microsoft and connect
      </a>
    </main>
  );
}
