import { request, tenants, type Answer, type Who } from './portal';

type Partner = 'partnerA' | 'partnerB';

/** An action token of `who` for a tenant's connection, from the listing (as the page's scripts get it). */
export async function actionToken(
  who: Who,
  partner: Partner,
  action: 'check' | 'disconnect',
): Promise<string> {
  const a = await request({ path: '/api/connections', as: who });
  const { connections } = JSON.parse(a.text) as {
    connections: Array<{ tenantId: string; actions: Record<string, string> | null }>;
  };
  const c = connections.find((x) => x.tenantId === tenants()[partner].id);
  const token = c?.actions?.[action];
  if (!token)
    throw new Error(`${who} has no ${action} token for ${partner}: ${a.status} ${a.text}`);
  return token;
}

/** "Check now" on a tenant's connection, as its admin from the Connections page (JSON). */
export async function checkNow(who: Who, partner: Partner): Promise<Answer> {
  return request({
    method: 'POST',
    path: `/api/connections/${tenants()[partner].id}/check`,
    as: who,
    headers: { accept: 'application/json' },
    body: new URLSearchParams({ csrfToken: await actionToken(who, partner, 'check') }),
  });
}

/** Disconnects a tenant, as its admin confirming on the disconnect page (JSON). */
export async function disconnect(who: Who, partner: Partner): Promise<Answer> {
  return request({
    method: 'POST',
    path: `/api/connections/${tenants()[partner].id}/disconnect`,
    as: who,
    headers: { accept: 'application/json' },
    body: new URLSearchParams({
      csrfToken: await actionToken(who, partner, 'disconnect'),
      confirm: 'yes',
    }),
  });
}
