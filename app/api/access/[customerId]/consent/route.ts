// POST /api/access/:customerId/consent — admins: grant the portal app's consent in that customer tenant (the CPV step).
import type { NextRequest } from 'next/server';
import { grantConsentAsAdmin } from '@/lib/access/consent-actions';
import { handleAccessAction } from '@/lib/next/handle-access-action';

export const dynamic = 'force-dynamic';

export async function POST(
  request: NextRequest,
  context: { params: Promise<{ customerId: string }> },
) {
  const { customerId } = await context.params;
  return handleAccessAction(request, customerId, 'grant', async (user, customer) => {
    const result = await grantConsentAsAdmin(user, customer);
    return {
      json: result,
      notice: result.outcome === 'exists' ? 'consent-existed' : 'consent-granted',
    };
  });
}
