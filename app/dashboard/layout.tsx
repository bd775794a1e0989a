import Link from 'next/link';
import type { ReactNode } from 'react';
import { getSessionUser } from '@/lib/auth';
import { SignOutForm } from './_components/sign-out-form';
import './dashboard.css';

/** Shell of the staff pages: who is signed in, navigation, sign-out. Each page guards itself. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <>
      <header className="dash-header">
        <nav aria-label="Main">
          <Link href="/dashboard">Customers</Link>
          <Link href="/connections">Connections</Link>
        </nav>
        {user && (
          <div className="dash-user">
            <span data-testid="signed-in-as">
              {user.name || user.upn} <span className="muted">({user.upn})</span>
            </span>
            <SignOutForm />
          </div>
        )}
      </header>
      {children}
    </>
  );
}
