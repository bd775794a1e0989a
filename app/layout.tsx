import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';
import './components.css';

export const metadata: Metadata = {
  title: 'Partner Portal',
  description: 'Secure Application Model portal for Microsoft CSP and CPV partners',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render every page per request: the CSP nonce (proxy.ts) is new each time, and a prerendered
  // page would carry scripts without it.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
