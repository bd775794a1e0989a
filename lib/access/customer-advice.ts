// Plain data (no `server-only`): the access view and the CLI show it.

/** Advice for a customer row's last error, worded for the customer tenant (not the partner's connection). */
export interface CustomerAdvice {
  code: string;
  title: string;
  fix: string;
}

const CONSENT_FIX =
  "Grant the portal app's consent to this customer from the access view (an admin, through Partner Center), then check it again.";

/** Token errors at a customer authority (reference §1.3), by AADSTS code. */
const TOKEN_ADVICE: Record<number, Omit<CustomerAdvice, 'code'>> = {
  65001: { title: "The portal app is not consented in this customer's tenant", fix: CONSENT_FIX },
  90099: { title: "The portal app is not authorized in this customer's tenant", fix: CONSENT_FIX },
  50020: {
    title: 'No working delegated access into this tenant',
    fix: 'Check that an active GDAP relationship exists and that its access assignment gives a group the connected account is in a role; a stale guest account also causes this.',
  },
  50177: {
    title: 'No working delegated access into this tenant',
    fix: 'Check the GDAP relationship and that the connected account is in a security group its access assignment names.',
  },
  530034: {
    title: 'Delegated admin blocked for suspicious activity',
    fix: "Review the connected account's risk in the partner tenant (Entra ID Protection) and remediate it.",
  },
  53003: {
    title: "Blocked by the customer's Conditional Access",
    fix: 'Ask the customer to exclude service provider users from the blocking policy.',
  },
  500014: {
    title: "The customer's tenant has lapsed or disabled the resource",
    fix: "Check the customer's subscriptions; a lapsed tenant cannot be managed.",
  },
  90002: {
    title: 'The customer tenant was not found',
    fix: 'The tenant id is wrong or the tenant was deleted; check the customer in Partner Center.',
  },
  5000224: {
    title: 'The customer tenant is not available',
    fix: 'The tenant may have been deleted; check the customer in Partner Center.',
  },
  90055: {
    title: 'Entra throttled token requests',
    fix: 'The sync slows down and retries by itself.',
  },
  50196: {
    title: 'Entra throttled token requests',
    fix: 'The sync slows down and retries by itself.',
  },
};

export function customerTokenAdvice(aadsts: number | undefined): CustomerAdvice {
  if (aadsts !== undefined && TOKEN_ADVICE[aadsts])
    return { code: `AADSTS${aadsts}`, ...TOKEN_ADVICE[aadsts] };
  return {
    code: aadsts === undefined ? 'entra_unknown' : `AADSTS${aadsts}`,
    title: 'A token for this customer could not be obtained',
    fix:
      aadsts === undefined
        ? 'Check again later; if it repeats, see the portal logs for the correlation id.'
        : `Look the code up at https://login.microsoftonline.com/error?code=${aadsts}.`,
  };
}

/** Graph errors in a customer tenant (reference §2.11). */
export function customerGraphAdvice(
  graphCode: string | undefined,
  status: number | undefined,
): CustomerAdvice {
  if (graphCode === 'Authorization_RequestDenied' || status === 403)
    return {
      code: graphCode ?? 'graph_forbidden',
      title: 'A GDAP role is missing to read the app consent',
      fix: 'Add Directory Readers, Global Reader or Cloud Application Administrator to the relationship access assignment of a group the connected account is in.',
    };
  if (status === 429)
    return {
      code: graphCode ?? 'graph_throttled',
      title: 'Microsoft Graph throttled the check',
      fix: 'The sync slows down and checks this customer again later.',
    };
  return {
    code: graphCode ?? (status ? `graph_${status}` : 'graph_unavailable'),
    title: 'Microsoft Graph could not be read for this customer',
    fix: 'The sync checks again later; use "Check now" to retry.',
  };
}

/**
 * GDAP is active but none of its access assignments is: no security group holds its roles, so
 * no partner user (the connected account included) can reach the tenant. The consent check is
 * skipped (it would fail with AADSTS50020) until the assignments change.
 */
export const NO_ACCESS_ASSIGNMENT_ADVICE: CustomerAdvice = {
  code: 'gdap_no_access_assignment',
  title: 'No security group holds this customer’s GDAP roles',
  fix: 'In Partner Center (Customers → the customer → Admin relationships), assign the relationship’s roles to a security group the connected account is in; the portal checks the customer again on its next pass.',
};

export const ACCESS_UNKNOWN_ADVICE: CustomerAdvice = {
  code: 'gdap_list_empty',
  title: 'Graph returned no GDAP relationships at all',
  fix: 'Graph answers an account outside the Admin Agents group with an empty list, not an error. Add the connected account to Admin Agents in the partner tenant, or reconnect with an account that is in it.',
};
