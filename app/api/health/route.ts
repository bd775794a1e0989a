// GET /api/health: reachability of Entra ID, Key Vault and Partner Center, for people (operators,
// `npm run doctor`-style checks), NOT a load-balancer probe (those are /api/health/live and
// /api/health/ready). Operators may call it freely; anyone else shares a small fleet-wide budget,
// so it can never be used to hammer the three services. No secrets in the answer.
import { NextResponse } from 'next/server';
import { getSessionUser } from '@/lib/next';
import { tryTakeHealthCheck } from '@/lib/fleet';
import { checkReachability } from '@/lib/health/check-reachability';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getSessionUser().catch(() => null);
  if (!user?.isOperator) {
    const allowed = await tryTakeHealthCheck();
    if (!allowed.granted) {
      const seconds = Math.max(1, Math.ceil(allowed.retryAfterMs / 1000));
      return NextResponse.json(
        {
          error: {
            code: 'rate_limited',
            message: `The health check is rate-limited; sign in as an operator or try again in ${seconds} s.`,
          },
        },
        { status: 429, headers: { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' } },
      );
    }
  }
  const checks = await checkReachability();
  const ok = checks.every((c) => c.ok);
  return NextResponse.json(
    { status: ok ? 'ok' : 'degraded', checks },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
