// GET /api/health — reachability of Entra ID, Key Vault and Partner Center. No secrets, no auth.
import { NextResponse } from 'next/server';
import { checkReachability } from '@/lib/health/check-reachability';

export const dynamic = 'force-dynamic';

export async function GET() {
  const checks = await checkReachability();
  const ok = checks.every((c) => c.ok);
  return NextResponse.json({ status: ok ? 'ok' : 'degraded', checks }, { status: ok ? 200 : 503 });
}
