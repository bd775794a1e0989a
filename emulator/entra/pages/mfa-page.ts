import { errorBlock, esc, layout, type Html } from './layout';

/** The second factor: a TOTP code from an authenticator app, or one click for "approve" users. */
export function mfaPage(p: {
  action: string;
  ctx: string;
  upn: string;
  method: 'totp' | 'approve';
  error?: { message: string; code: number };
}): Html {
  const body =
    p.method === 'totp'
      ? `<h1>Enter code</h1><p>Enter the code displayed in the authenticator app on your mobile device for ${esc(p.upn)}.</p>
<form method="post" action="${esc(p.action)}"><input type="hidden" name="ctx" value="${esc(p.ctx)}">
<label for="otc">Verification code</label>
<input type="text" id="otc" name="otc" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required>
${errorBlock(p.error?.message, p.error?.code)}
<button type="submit">Verify</button></form>`
      : `<h1>Approve sign in request</h1><p>${esc(p.upn)} signs in with one-click approval (the emulator's stand-in for an authenticator notification).</p>
<form method="post" action="${esc(p.action)}"><input type="hidden" name="ctx" value="${esc(p.ctx)}"><input type="hidden" name="approve" value="1">
${errorBlock(p.error?.message, p.error?.code)}
<button type="submit">Approve sign-in request</button></form>`;
  return layout('Verify your identity', body);
}
