import type { ReactNode } from 'react';
import { portalRole, type SessionUser } from '@/lib/auth';
import { navLinksFor } from './nav-links';
import { ShellHeader } from './shell-header';

/**
 * The header of every signed-in page: the portal's name, the links this user's role may open,
 * who is signed in, and sign-out. On a phone it wraps into two rows instead of running off
 * the screen (see components.css, `.shell-header`).
 */
export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const links = navLinksFor(portalRole(user)).map(({ href, label, id }) => ({ href, label, id }));
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <ShellHeader links={links} name={user.name || user.upn} upn={user.upn} />
      <div id="content">{children}</div>
    </>
  );
}
