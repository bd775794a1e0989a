/** next-auth's session cookie name; `__Secure-` prefixed over https so browsers insist on TLS. */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? '__Secure-' : ''}next-auth.session-token`;
}
