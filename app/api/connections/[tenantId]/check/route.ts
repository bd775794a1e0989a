// POST /api/connections/:tenantId/check — "check now": redeem and rotate, then back to the page (or JSON).
import { observeCheckQuietly } from '@/lib/alerts/sync-alerts';
import { checkConnectionNow } from '@/lib/connections';
import { handleConnectionAction } from '@/lib/next';
import { enforceRateLimit, userRateKey } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = handleConnectionAction('check', async (user, tenantId) => {
  await enforceRateLimit('check', userRateKey(user));
  const outcome = await checkConnectionNow(user, tenantId);
  // A check counts for the alert rules too (3 failed checks in a row raise "failing").
  await observeCheckQuietly({ health: outcome.health, check: outcome.ok ? 'ok' : 'failed' });
  return { json: outcome, notice: { checked: outcome.ok ? 'ok' : outcome.code } };
});
