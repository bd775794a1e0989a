/** A plain form: /signout clears the session and ends the Entra session too. No script needed. */
export function SignOutForm() {
  return (
    <form method="post" action="/signout">
      <button className="button secondary" type="submit" data-testid="sign-out">
        Sign out
      </button>
    </form>
  );
}
