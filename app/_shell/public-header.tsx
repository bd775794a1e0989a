import Link from 'next/link';

/** The lighter header of the signed-out pages (home, connect, errors, sign-in, not-connected, 404). */
export function PublicHeader() {
  return (
    <header className="shell-header shell-header-public" data-testid="public-header">
      <Link className="shell-brand" href="/">
        Partner Portal
      </Link>
      <nav aria-label="Main" className="shell-nav">
        <Link href="/connect">Connect</Link>
        <Link href="/signin">Sign in</Link>
      </nav>
    </header>
  );
}
