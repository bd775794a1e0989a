import type { ApplicationConsentRequest } from '@/lib/partner-center';

/** What a grant asks for, shown before an admin grants it. */
export function ConsentScopes({ request }: { request: ApplicationConsentRequest }) {
  return (
    <div data-testid="consent-scopes">
      <p>
        Granting consents the portal app (<code>{request.applicationId}</code>) in the
        customer&apos;s tenant, through Partner Center, with these delegated permissions only:
      </p>
      <ul>
        {request.applicationGrants.map((g) => (
          <li key={g.enterpriseApplicationId}>
            Microsoft Graph (<code>{g.enterpriseApplicationId}</code>):{' '}
            {g.scope.split(',').map((s, i) => (
              <span key={s}>
                {i > 0 && ', '}
                <code>{s}</code>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
