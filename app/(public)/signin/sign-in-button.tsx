'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

/** Starts next-auth's Entra sign-in (it fetches the CSRF token and posts for us). */
export function SignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      className="button"
      type="button"
      disabled={busy}
      data-testid="signin-entra"
      onClick={() => {
        setBusy(true);
        void signIn('entra', { callbackUrl }).catch(() => setBusy(false));
      }}
    >
      {busy ? 'Redirecting to Microsoft…' : 'Sign in with Microsoft'}
    </button>
  );
}
