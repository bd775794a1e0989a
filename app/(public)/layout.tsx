import type { ReactNode } from 'react';
import { PublicHeader } from '../_shell/public-header';

/** The signed-out pages share the lighter header. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PublicHeader />
      {children}
    </>
  );
}
