'use client';

import Link from 'next/link';
import { SignOutForm } from './sign-out-form';

/**
 * The signed-in header's markup (see AppShell): a client component fed plain values, so every
 * signed-in page's RSC payload carries one element and its props instead of the header's tree.
 */
export function ShellHeader({
  links,
  name,
  upn,
}: {
  links: ReadonlyArray<{ href: string; label: string; id: string }>;
  name: string;
  upn: string;
}) {
  return (
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
          {name} <span className="muted shell-upn">({upn})</span>
        </span>
        <SignOutForm />
      </div>
    </header>
  );
}
