import type { PortalRole } from '@/lib/auth/portal-role';

export interface NavLink {
  href: string;
  label: string;
  /** Stable test id: e2e specs assert each role sees exactly its links. */
  id: string;
  /** The roles whose page guard lets them in. A link nobody may open is never shown. */
  roles: readonly PortalRole[];
}

/**
 * The signed-in navigation: the single definition of which role sees which page. When a page
 * lands (Activity, Access), add its link here with exactly the roles its guard admits; the
 * e2e spec app-shell.spec.ts then proves no role is shown a link that answers it "forbidden".
 */
export const NAV_LINKS: readonly NavLink[] = [
  { href: '/dashboard', label: 'Customers', id: 'customers', roles: ['staff', 'partner-admin'] },
  {
    href: '/dashboard/access',
    label: 'Access',
    id: 'access',
    roles: ['staff', 'partner-admin'],
  },
  {
    href: '/connections',
    label: 'Connections',
    id: 'connections',
    roles: ['partner-admin', 'operator'],
  },
  {
    href: '/activity',
    label: 'Activity',
    id: 'activity',
    roles: ['partner-admin', 'operator'],
  },
];

export function navLinksFor(role: PortalRole): NavLink[] {
  return NAV_LINKS.filter((l) => l.roles.includes(role));
}
