// GET /api/connections/:tenantId — one connection's health, as JSON (404 when not visible to the user).
import { NextResponse } from 'next/server';
import { getConnectionHealth, tenantIdFromParam } from '@/lib/connections';
import { signedInRoute } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const GET = signedInRoute<{ tenantId: string }>(async (user, _request, params) =>
  NextResponse.json(await getConnectionHealth(user, tenantIdFromParam(params.tenantId)), {
    headers: { 'Cache-Control': 'no-store' },
  }),
);
