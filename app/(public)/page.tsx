import Link from 'next/link';

export default function HomePage() {
  return (
    <main>
      <h1>Partner Portal</h1>
      <p className="muted">
        Connect your Partner Center tenant with Microsoft&apos;s Secure Application Model, then let
        your staff see your customers without any token ever leaving the server.
      </p>
      <div className="card">
        <h2>Partner admins</h2>
        <p>
          Sign in with MFA and consent once; the portal keeps the refresh token in Azure Key Vault.
        </p>
        <Link className="button" href="/connect">
          Connect a partner tenant
        </Link>
      </div>
      <div className="card">
        <h2>Staff</h2>
        <p>Sign in with your work account to see your organization&apos;s customers.</p>
        <Link className="button secondary" href="/dashboard">
          Open the dashboard
        </Link>
      </div>
    </main>
  );
}
