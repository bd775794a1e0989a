import type { ReactNode } from 'react';
import { getSessionUser } from '@/lib/next';
import { AppShell } from '../_shell/app-shell';
import { PublicHeader } from '../_shell/public-header';

/**
 * Every signed-in page (Customers, Connections, and the pages other concerns add under this
 * group) renders inside the app shell. Each page still guards itself: a signed-out visitor is
 * sent to sign-in by the page, and meanwhile sees only the public header.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user)
    return (
      <>
        <PublicHeader />
        {children}
      </>
    );
  return <AppShell user={user}>{children}</AppShell>;
}
