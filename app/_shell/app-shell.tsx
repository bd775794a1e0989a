import Link from 'next/link';
import type { ReactNode } from 'react';
import { portalRole, type SessionUser } from '@/lib/auth';
import { navLinksFor } from './nav-links';
import { SignOutForm } from './sign-out-form';

/**
 * The header of every signed-in page: the portal's name, the links this user's role may open,
 * who is signed in, and sign-out. On a phone it wraps into two rows instead of running off
 * the screen (see components.css, `.shell-header`).
 */
export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const links = navLinksFor(portalRole(user));
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="shell-header" data-testid="app-shell">
        <Link className="shell-brand" href={links[0]?.href ?? '/'}>
          Partner Portal
        </Link>
        <nav aria-label="Main" className="shell-nav" data-testid="main-nav">
          {links.map((l) => (
            <Link key={l.href} href={l.href} data-testid={`nav-${l.id}`}>
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="shell-user">
          <span data-testid="signed-in-as">
            {user.name || user.upn} <span className="muted shell-upn">({user.upn})</span>
          </span>
          <SignOutForm />
        </div>
      </header>
      <div id="content">{children}</div>
    </>
  );
}
