import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type * as SyncAlerts from '@/lib/alerts/sync-alerts';
import type { SessionUser } from '@/lib/auth';
import type * as CheckConnection from '@/lib/connections/check-connection';
import type { Database } from '@/lib/db';
import type * as KeepAlive from '@/lib/keepalive/keep-alive-connection';
import { seededTenants, seededUser } from '../support/manifest';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(180_000);

const DAY = 24 * 60 * 60 * 1000;

/**
 * The alert rules end to end, against a private local cloud (it revokes users and injects
 * faults), an isolated database, this process's job runner (deliveries and their retries are
 * jobs) and the test webhook receiver (https on loopback with the local CA, verifying every
 * signature). The operator webhook comes from configuration, partner A's own from Key Vault.
 * Steps build on each other, in order.
 */
describe('alerts: transitions, de-duplication, threshold, resolve, delivery', () => {
  const operatorSecret = randomBytes(32).toString('hex');
  const tenantSecret = randomBytes(32).toString('hex');
  let cloud: PrivateCloud;
  let t: TestDatabase;
  let db: Kysely<Database>;
  let operator: WebhookReceiver;
  let partner: WebhookReceiver;
  let a: TenantId;
  let b: TenantId;
  let lib: {
    syncAlerts: typeof SyncAlerts.syncAlerts;
    observeConnections: typeof SyncAlerts.observeConnections;
    keepAliveConnection: typeof KeepAlive.keepAliveConnection;
    checkConnection: typeof CheckConnection.checkConnection;
  };

  beforeAll(async () => {
    operator = await startWebhookReceiver(operatorSecret);
    partner = await startWebhookReceiver(tenantSecret);
    cloud = await startPrivateCloud();
    Object.assign(process.env, cloud.env, {
      LOG_LEVEL: 'silent',
      ALERT_WEBHOOK_URL: operator.url('/operator'),
      ALERT_WEBHOOK_SECRET: operatorSecret,
      ALERT_WEBHOOK_FORMAT: 'generic',
      ALERT_DELIVERY_RETRY_DELAY_SECONDS: '1',
      ALERT_DELIVERY_RETRY_LIMIT: '3',
      // No scheduled run may interleave with the steps below (they drive every sync themselves).
      ALERT_SYNC_SCHEDULE: '0 0 1 1 *',
      KEEPALIVE_SCHEDULE: '0 0 1 1 *',
    });
    t = await createTestDatabase();
    t.useForLib();
    db = t.db;
    const { connectPartner } = await import('../support/connect-partner');
    a = toTenantId(await connectPartner('partnerA'));
    b = toTenantId(await connectPartner('partnerB'));
    const { startJobs } = await import('@/lib/jobs');
    await startJobs();
    lib = {
      ...(await import('@/lib/alerts/sync-alerts')),
      ...(await import('@/lib/keepalive/keep-alive-connection')),
      ...(await import('@/lib/connections/check-connection')),
    };
    const { saveTenantWebhook } = await import('@/lib/alerts/tenant-webhook-store');
    await saveTenantWebhook(
      a,
      { url: partner.url('/partner-a'), signingSecret: tenantSecret, format: 'slack' },
      { oid: randomUUID() },
    );
  });
  afterAll(async () => {
    const { stopJobs } = await import('@/lib/jobs');
    await stopJobs();
    await t?.drop();
    await cloud?.stop();
    await operator?.close();
    await partner?.close();
  });

  const deliveries = () => db.selectFrom('alerts_delivery').selectAll().orderBy('id').execute();
  /** The receiver answers before the worker records the outcome: wait until nothing is pending. */
  async function settledDeliveries() {
    for (let i = 0; i < 300; i++) {
      const rows = await deliveries();
      if (rows.every((d) => d.status !== 'pending')) return rows;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('deliveries still pending');
  }
  const openAlerts = () =>
    db.selectFrom('alerts_alert').selectAll().where('resolved_at', 'is', null).execute();

  test('first sync after start-up: a state that was already there raises nothing', async () => {
    // B is revoked before the alert rules ever looked at it.
    await cloud.control.revokeUser(seededUser(seededTenants(cloud.manifest).partnerB, 'admin').upn);
    expect((await lib.checkConnection(b)).health.status).toBe('revoked');

    expect(await lib.syncAlerts()).toEqual([]);
    expect(await lib.syncAlerts()).toEqual([]);
    expect(await deliveries()).toEqual([]);
    // Listed on the pages until resolved, but never announced.
    expect(await openAlerts()).toEqual([
      expect.objectContaining({ partner_tenant_id: b, kind: 'revoked', announced: false }),
    ]);
  });

  test('open alerts are scoped: a partner admin sees only their own tenant’s, an operator all', async () => {
    const { listOpenAlerts } = await import('@/lib/alerts/list-open-alerts');
    const { home } = seededTenants(cloud.manifest);
    const user = (tid: string, role: 'admin' | 'operator' | 'staff'): SessionUser => ({
      tid: toTenantId(tid),
      oid: randomUUID(),
      sid: randomUUID(),
      name: role,
      upn: `${role}@example.test`,
      roles: role === 'admin' ? ['Portal.Admin'] : role === 'operator' ? ['Portal.Operator'] : [],
      isPartnerAdmin: role === 'admin',
      isOperator: role === 'operator',
    });
    expect((await listOpenAlerts(user(b, 'admin'))).map((x) => [x.tenantId, x.kind])).toEqual([
      [b, 'revoked'],
    ]);
    expect(await listOpenAlerts(user(a, 'admin'))).toEqual([]);
    expect((await listOpenAlerts(user(home.id, 'operator'))).map((x) => x.tenantId)).toEqual([b]);
    await expect(listOpenAlerts(user(b, 'staff'))).rejects.toMatchObject({
      code: 'forbidden_not_admin',
    });
  });

  test('the expiry threshold: nothing at 15 days left, one alert at 14, none again at 13', async () => {
    expect(await lib.syncAlerts(Date.now() + 75 * DAY)).toEqual([]);
    operator.failNext(2, 503);
    const fired = await lib.syncAlerts(Date.now() + 76 * DAY);
    expect(fired).toEqual([expect.objectContaining({ tenantId: a, event: 'alert.fired' })]);
    expect(await lib.syncAlerts(Date.now() + 77 * DAY)).toEqual([]);
    expect(await openAlerts()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ partner_tenant_id: a, kind: 'expiring', announced: true }),
      ]),
    );
  });

  test('the operator receiver fails twice, then accepts: three signed attempts, one delivery', async () => {
    const [accepted] = await operator.waitForAccepted(1, 60_000);
    const attempts = operator.received.filter((r) => r.deliveryId === accepted!.deliveryId);
    expect(attempts.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(attempts.every((r) => r.signature.ok)).toBe(true);
    expect(accepted!.json).toMatchObject({
      event: 'alert.fired',
      alert: { kind: 'expiring', daysLeft: 14 },
      tenant: { id: a },
    });
    expect(accepted!.json.text).toMatch(/connection expiring soon\. It lapses in 14 days/);

    // Partner A's own webhook got the same alert once, in Slack's format.
    const [slack] = await partner.waitForAccepted(1, 60_000);
    expect(slack).toMatchObject({
      path: '/partner-a',
      event: 'alert.fired',
      signature: { ok: true },
    });
    expect(slack!.json.blocks).toBeDefined();

    const rows = await settledDeliveries();
    expect(rows.map((d) => [d.target, d.event, d.status, d.attempts]).sort()).toEqual(
      [
        ['operator', 'alert.fired', 'delivered', 3],
        ['tenant', 'alert.fired', 'delivered', 1],
      ].sort(),
    );
    const recorded = await db
      .selectFrom('activity_log')
      .select(['kind', 'result', 'partner_tenant_id'])
      .where('kind', '=', 'alert_sent')
      .execute();
    expect(recorded).toHaveLength(2);
    expect(recorded.every((r) => r.result === 'success' && r.partner_tenant_id === a)).toBe(true);
  });

  test('healthy again resolves by itself: one "resolved" message per target, then silence', async () => {
    expect((await lib.keepAliveConnection(a)).outcome).toBe('ok');
    const resolved = await lib.syncAlerts();
    expect(resolved).toEqual([expect.objectContaining({ tenantId: a, event: 'alert.resolved' })]);
    expect(await lib.syncAlerts()).toEqual([]);
    await operator.waitForAccepted(2, 60_000);
    await partner.waitForAccepted(2, 60_000);
    expect(operator.accepted().at(-1)!.json).toMatchObject({
      event: 'alert.resolved',
      alert: { kind: 'expiring' },
    });
    expect((await openAlerts()).map((x) => x.partner_tenant_id)).toEqual([b]);
  });

  test('checks failing 3 times in a row raise "failing" once; a good check resolves it', async () => {
    await cloud.control.addFault({
      service: 'entra',
      route: 'oauth2/v2.0/token',
      kind: 'status',
      status: 503,
    });
    const before = operator.accepted().length;
    const failOnce = async () => {
      const r = await lib.keepAliveConnection(a);
      expect(r.outcome).toBe('failed');
      return lib.observeConnections([{ health: r.health!, check: 'failed' }]);
    };
    expect(await failOnce()).toEqual([]);
    expect(await failOnce()).toEqual([]);
    expect(await failOnce()).toEqual([expect.objectContaining({ event: 'alert.fired' })]);
    expect(await failOnce()).toEqual([]);
    await cloud.control.clearFaults();

    const ok = await lib.keepAliveConnection(a);
    expect(ok.outcome).toBe('ok');
    expect(await lib.observeConnections([{ health: ok.health!, check: 'ok' }])).toEqual([
      expect.objectContaining({ event: 'alert.resolved' }),
    ]);
    const got = await operator.waitForAccepted(before + 2, 60_000);
    expect(
      got.slice(before).map((r) => [r.event, (r.json.alert as { kind: string }).kind]),
    ).toEqual([
      ['alert.fired', 'failing'],
      ['alert.resolved', 'failing'],
    ]);
  });

  test('"send a test alert": one signed message to the admin’s own webhook, recorded', async () => {
    const { sendTestAlert } = await import('@/lib/alerts/send-test-alert');
    const admin: SessionUser = {
      tid: a,
      oid: randomUUID(),
      sid: randomUUID(),
      name: 'Admin',
      upn: 'admin@a.example',
      roles: ['Portal.Admin'],
      isPartnerAdmin: true,
      isOperator: false,
    };
    const before = partner.accepted().length;
    await expect(sendTestAlert(admin, a)).resolves.toEqual({ httpStatus: 200 });
    const [test] = (await partner.waitForAccepted(before + 1)).slice(before);
    expect(test).toMatchObject({ event: 'alert.test', signature: { ok: true } });
    expect(test!.json.text).toMatch(/^\[TEST\] /);
    expect(await deliveries()).toContainEqual(
      expect.objectContaining({
        event: 'alert.test',
        target: 'tenant',
        status: 'delivered',
        attempts: 1,
      }),
    );
    // Another tenant's admin cannot send to A's webhook (404: not even whether A is connected).
    await expect(sendTestAlert({ ...admin, tid: b }, a)).rejects.toMatchObject({
      code: 'connection_not_found',
    });
  });

  test('no webhook URL or signing secret is ever stored in the database', async () => {
    const dump = JSON.stringify([
      await db.selectFrom('alerts_delivery').selectAll().execute(),
      await db.selectFrom('alerts_alert').selectAll().execute(),
      await db.selectFrom('alerts_connection_state').selectAll().execute(),
      await db.selectFrom('activity_log').selectAll().execute(),
    ]);
    for (const secret of [
      operator.url(),
      partner.url(),
      operatorSecret,
      tenantSecret,
      'localhost:',
    ])
      expect(dump).not.toContain(secret);
  });
});
