import { call } from './emulator-keyvault-harness';
import {
  PARTNER_A,
  PARTNER_B,
  mountPartnerCenter,
  pcToken,
} from './emulator-partner-center-harness';
import {
  customerCollectionSchema,
  pcErrorSchema,
  throttledSchema,
} from './emulator-partner-center-schemas';

// Real sockets, seeded data and RSA signing: generous limits for a loaded CI machine (not timing asserts).
jest.setTimeout(60_000);

describe('Partner Center emulator: throttling and injected faults', () => {
  let env: Awaited<ReturnType<typeof mountPartnerCenter>>;
  beforeEach(async () => {
    env = await mountPartnerCenter(50);
  });
  afterEach(() => env.close());

  it('allows 500 customer requests a minute per partner tenant, then 429 with Retry-After until the window moves', async () => {
    const tokenA = await pcToken(env.ctx, PARTNER_A, {}, 7200);
    const customer = env.expected.byPartner.get(PARTNER_A)![0]!.id;
    const paths = [
      '/v1/customers?size=1',
      `/v1/customers/${customer}`,
      `/v1/customers/${customer}/subscriptions`,
    ];
    for (let i = 0; i < 500; i++) {
      const res = await call(env.pc.url, paths[i % 3]!, { token: tokenA });
      expect(res.status).toBe(200);
    }
    const limited = await call(env.pc.url, '/v1/customers?size=1', { token: tokenA });
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(throttledSchema.parse(limited.json).message).toBe(
      `Rate limit is exceeded. Try again in ${wait} seconds.`,
    );
    expect(limited.headers.get('ms-correlationid')).toBeTruthy();

    // Other partners and non-customer routes are not affected.
    expect(
      (await call(env.pc.url, '/v1/customers?size=1', { token: await pcToken(env.ctx, PARTNER_B) }))
        .status,
    ).toBe(200);
    expect((await call(env.pc.url, '/v1/profiles/organization', { token: tokenA })).status).toBe(
      200,
    );

    env.ctx.clock.advance(wait * 1000);
    expect((await call(env.pc.url, '/v1/customers?size=1', { token: tokenA })).status).toBe(200);

    await env.svc.reset();
    for (let i = 0; i < 3; i++)
      expect((await call(env.pc.url, '/v1/customers?size=1', { token: tokenA })).status).toBe(200);
  });

  it('takes its limit from the control API', async () => {
    const tokenA = await pcToken(env.ctx, PARTNER_A);
    expect(
      (await call(env.pc.controlUrl, '/throttle', { method: 'PUT', json: { limitPerMinute: 2 } }))
        .json,
    ).toEqual({ limitPerMinute: 2 });
    expect((await call(env.pc.url, '/v1/customers?size=1', { token: tokenA })).status).toBe(200);
    expect((await call(env.pc.url, '/v1/customers?size=1', { token: tokenA })).status).toBe(200);
    expect((await call(env.pc.url, '/v1/customers?size=1', { token: tokenA })).status).toBe(429);
    expect(
      (await call(env.pc.controlUrl, '/throttle', { method: 'PUT', json: { limitPerMinute: 0 } }))
        .status,
    ).toBe(400);
    await env.svc.reset();
    expect((await call(env.pc.controlUrl, '/throttle')).json).toEqual({ limitPerMinute: 500 });
  });

  it('answers an injected 429 with the throttling body and Retry-After, and other statuses with the error body', async () => {
    const tokenA = await pcToken(env.ctx, PARTNER_A);
    env.ctx.faults.add({
      service: 'partner-center',
      route: '^GET /v1/customers$',
      kind: 'status',
      status: 429,
      retryAfter: 2,
      count: 1,
    });
    const limited = await call(env.pc.url, '/v1/customers?size=5', { token: tokenA });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(throttledSchema.parse(limited.json).message).toBe(
      'Rate limit is exceeded. Try again in 2 seconds.',
    );
    expect(limited.headers.get('ms-requestid')).toBeTruthy();
    customerCollectionSchema.parse(
      (await call(env.pc.url, '/v1/customers?size=5', { token: tokenA })).json,
    );

    env.ctx.faults.add({
      service: 'partner-center',
      route: '^GET /v1/profiles',
      kind: 'status',
      status: 500,
      count: 1,
    });
    const failed = await call(env.pc.url, '/v1/profiles/organization', { token: tokenA });
    expect(failed.status).toBe(500);
    expect(pcErrorSchema.parse(failed.json).code).toBe(500);
  });
});
