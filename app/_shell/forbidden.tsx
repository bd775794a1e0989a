import Link from 'next/link';
import { portalRole, type SessionUser } from '@/lib/auth';
import { navLinksFor } from './nav-links';

/**
 * What a signed-in user sees on a page their role may not use: the reason with its stable code,
 * and the pages they can use instead (the same links as their navigation). The shell stays.
 */
export function Forbidden({
  user,
  title,
  message,
  code,
}: {
  user: SessionUser;
  title: string;
  message: string;
  code: string;
}) {
  const links = navLinksFor(portalRole(user));
  return (
    <main>
      <h1>{title}</h1>
      <div className="card banner-bad" data-testid="forbidden">
        <p>
          {message} <code>{code}</code>
        </p>
        {links.length > 0 && (
          <>
            <p>What you can do instead:</p>
            <ul data-testid="forbidden-alternatives">
              {links.map((l) => (
                <li key={l.href}>
                  <Link href={l.href}>{l.label}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </main>
  );
}
