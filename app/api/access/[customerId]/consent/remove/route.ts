// POST /api/access/:customerId/consent/remove — admins, with confirm=yes: delete the app's service principal from that customer tenant.
import type { NextRequest } from 'next/server';
import { removeConsentAsAdmin } from '@/lib/access/consent-actions';
import { handleAccessAction } from '@/lib/next/handle-access-action';

export const dynamic = 'force-dynamic';

export async function POST(
  request: NextRequest,
  context: { params: Promise<{ customerId: string }> },
) {
  const { customerId } = await context.params;
  return handleAccessAction(request, customerId, 'remove', async (user, customer, fields) => {
    const result = await removeConsentAsAdmin(user, customer, fields.confirmed);
    return { json: result, notice: 'consent-removed' };
  });
}
