// POST /api/access/consent/grant-missing — admins: grant the app's consent to every GDAP customer missing it, as a job.
import type { NextRequest } from 'next/server';
import { startGrantAllMissing } from '@/lib/access/consent-actions';
import { handlePartnerAccessAction } from '@/lib/next/handle-access-action';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest) {
  return handlePartnerAccessAction(request, 'grant-missing', async (user) => {
    const result = await startGrantAllMissing(user);
    return { json: result, notice: result.queued ? 'grant-started' : 'grant-running' };
  });
}
