// GET /api/health/ready: the readiness probe. It checks the database only, so an Entra, Key Vault
// or Partner Center blip never takes every instance out of rotation at once.
import { NextResponse } from 'next/server';
import { getDatabaseConnection, isBootPending, readBootState } from '@/lib/db';
import { checkReadiness } from '@/lib/health/check-readiness';

export const dynamic = 'force-dynamic';

export async function GET() {
  const result = await checkReadiness(async () => {
    // A server whose start-up migration failed answers SELECT 1 but cannot serve pages.
    if (readBootState().status === 'failed')
      throw Object.assign(new Error('migration failed'), { code: 'database_not_migrated' });
    await getDatabaseConnection().pool.query('SELECT 1');
    // Reachable, but the start-up migration has not finished yet: not ready either.
    if (isBootPending()) throw new Error('start-up migration pending');
  });
  return NextResponse.json(
    result.ready
      ? { status: 'ready', ms: result.ms }
      : { status: 'not_ready', reason: result.reason, ms: result.ms },
    { status: result.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
