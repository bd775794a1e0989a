// GET /api/health/live: the liveness probe. It answers from this process alone, with no outbound
// call (no database, no Entra, no Key Vault), so a dependency's blip never restarts instances.
import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

export function GET() {
  return NextResponse.json(
    { status: 'live', uptimeSeconds: Math.round(process.uptime()) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
