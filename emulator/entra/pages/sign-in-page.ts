import { errorBlock, esc, layout, type Html } from './layout';

/**
 * Username and password in one form. With an SSO session present (prompt=select_account, or
 * a login_hint for someone else), a "Continue as" button signs in with that session instead.
 */
export function signInPage(p: {
  action: string;
  ctx: string;
  appName: string;
  loginHint?: string;
  sessionUser?: string;
  error?: { message: string; code: number };
}): Html {
  const sso = p.sessionUser
    ? `<form method="post" action="${esc(p.action)}"><input type="hidden" name="ctx" value="${esc(p.ctx)}"><input type="hidden" name="continue" value="1">
<button type="submit">Continue as ${esc(p.sessionUser)}</button></form><p>Or use another account:</p>`
    : '';
  return layout(
    'Sign in to your account',
    `<h1>Sign in</h1><p>to continue to ${esc(p.appName)}</p>${sso}
<form method="post" action="${esc(p.action)}">
<input type="hidden" name="ctx" value="${esc(p.ctx)}">
<label for="login">Email address</label>
<input type="email" id="login" name="login" autocomplete="username" required value="${esc(p.loginHint ?? '')}">
<label for="passwd">Password</label>
<input type="password" id="passwd" name="passwd" autocomplete="current-password" required>
${errorBlock(p.error?.message, p.error?.code)}
<button type="submit">Sign in</button>
</form>`,
  );
}
