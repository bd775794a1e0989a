import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { SessionUser } from '@/lib/auth';
import type { Database } from '@/lib/db';
import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { seededTenants, seededUser } from '../support/manifest';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { driveSignIn } from './entra-sign-in-driver';

jest.setTimeout(300_000);

/**
 * The activity log through a whole story, against a private local cloud (it revokes a user), its
 * own database, this process's job runner (alert deliveries are jobs) and a webhook receiver:
 * refusals before and after sign-in, connect, replace, rotation by request, by the job and by the
 * console, check now, a CSV export, a revoked grant found dead, an alert sent and resolved, a
 * disconnect and a recover, a disconnect with purge. Then every column of every row is scanned
 * for tokens and for the manifest's secrets, and the scoping rules are proven on those rows.
 * Steps build on each other, in order.
 */
describe('activity log: a full story, the secret scan, and who sees which rows', () => {
  const webhookSecret = randomBytes(32).toString('hex');
  let cloud: PrivateCloud;
  let db: Kysely<Database>;
  let receiver: WebhookReceiver;
  let a: TenantId;
  let b: TenantId;
  /** Every refresh token seen in Key Vault during the story: none may reach a row. */
  const refreshTokens = new Set<string>();
  const logged: unknown[] = [];

  const tenants = () => seededTenants(cloud.manifest);
  const user = (tid: string, role: 'admin' | 'operator' | 'staff', upn?: string): SessionUser => ({
    tid: toTenantId(tid),
    oid: randomUUID(),
    sid: randomUUID(),
    name: role,
    upn: upn ?? `${role}@${tid.slice(0, 8)}.example`,
    roles: role === 'admin' ? ['Portal.Admin'] : role === 'operator' ? ['Portal.Operator'] : [],
    isPartnerAdmin: role === 'admin',
    isOperator: role === 'operator',
  });
  /** As a request would: every row written inside gets this correlation id. */
  async function asRequest<T>(fn: () => Promise<T>): Promise<T> {
    const { withLogContext } = await import('@/lib/log');
    return withLogContext(fn, randomUUID());
  }
  async function rememberToken(tenantId: TenantId) {
    const { getRefreshTokenStore } = await import('@/lib/vault');
    const record = await getRefreshTokenStore().get(tenantId);
    if (record) refreshTokens.add(record.refreshToken);
  }
  const rows = () => db.selectFrom('activity_log').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    receiver = await startWebhookReceiver(webhookSecret);
    cloud = await startPrivateCloud();
    Object.assign(process.env, cloud.env, {
      LOG_LEVEL: 'silent',
      ALERT_DELIVERY_RETRY_DELAY_SECONDS: '1',
      ALERT_SYNC_SCHEDULE: '0 0 1 1 *',
      KEEPALIVE_SCHEDULE: '0 0 1 1 *',
      // Every access token redeemed after a second writes the newest refresh token back: the
      // "rotation by request" of the story.
      TOKEN_ROTATION_INTERVAL_HOURS: '0.0003',
    });
    await cloud.database.useForLib();
    db = cloud.database.db;
    const { log } = await import('@/lib/log');
    const info = log.info.bind(log);
    // The structured log line each row also becomes (for a SIEM), captured as pino is called.
    jest.spyOn(log, 'info').mockImplementation(((obj: unknown, ...rest: unknown[]) => {
      if ((rest[0] as string) === 'activity') logged.push(obj);
      return (info as (...args: unknown[]) => void)(obj, ...rest);
    }) as typeof log.info);
    const { startJobs } = await import('@/lib/jobs');
    await startJobs();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    const { stopJobs } = await import('@/lib/jobs');
    await stopJobs();
    await cloud?.stop();
    await receiver?.close();
  });

  test('refusals before anyone is verified: anonymous rows without a tenant', async () => {
    const { handleConnectCallback } = await import('@/lib/connect/handle-connect-callback');
    const { recordingStartRefusal } = await import('@/lib/activity/connect-activity');
    const { AppError } = await import('@/lib/errors/app-error');
    // A tenant id in the query is request input: it must not become the row's tenant.
    const query = new URLSearchParams({ tenant: randomUUID(), code: 'x' });
    await expect(
      asRequest(() => handleConnectCallback({ query, stateCookie: undefined })),
    ).rejects.toMatchObject({ code: 'state_missing' });
    // The start refused (as /api/connect/start's rate limit does) before anyone signed in.
    await expect(
      asRequest(() =>
        recordingStartRefusal(null, () =>
          Promise.reject(new AppError('rate_limited', 'Too many.', 429)),
        ),
      ),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    const anonymous = {
      kind: 'connect',
      result: 'refused',
      actor_type: 'anonymous',
      partner_tenant_id: null,
      actor_upn: null,
      actor_oid: null,
      actor_tenant_id: null,
      correlation_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    };
    expect(await rows()).toEqual([
      expect.objectContaining({ ...anonymous, error_code: 'state_missing' }),
      expect.objectContaining({ ...anonymous, error_code: 'rate_limited' }),
    ]);
  });

  test('connect, a refused staff member (verified, so with its tenant), then replace', async () => {
    const { connectPartner } = await import('../support/connect-partner');
    const { handleConnectCallback } = await import('@/lib/connect/handle-connect-callback');
    const { startConnect } = await import('@/lib/connect/start-connect');
    a = await asRequest(() => connectPartner('partnerA'));
    b = await asRequest(() => connectPartner('partnerB'));
    await rememberToken(a);
    await rememberToken(b);

    const staff = seededUser(tenants().partnerA, 'staff');
    const { authorizeUrl, cookie } = await startConnect();
    const signIn = await driveSignIn(authorizeUrl, staff, { consent: 'accept-for-organization' });
    await expect(
      asRequest(() =>
        handleConnectCallback({ query: signIn.redirect!.searchParams, stateCookie: cookie.value }),
      ),
    ).rejects.toMatchObject({ code: 'not_partner_admin' });

    await asRequest(() => connectPartner('partnerA'));
    await rememberToken(a);
    const adminA = seededUser(tenants().partnerA, 'admin');
    expect(
      (await rows()).slice(2).map((r) => [r.kind, r.result, r.partner_tenant_id, r.actor_upn]),
    ).toEqual([
      ['connect', 'success', a, adminA.upn.toLowerCase()],
      ['connect', 'success', b, seededUser(tenants().partnerB, 'admin').upn.toLowerCase()],
      ['connect', 'refused', a, staff.upn.toLowerCase()],
      ['replace', 'success', a, adminA.upn.toLowerCase()],
    ]);
    const refused = (await rows())[4]!;
    expect(refused).toMatchObject({
      error_code: 'not_partner_admin',
      actor_type: 'user',
      actor_oid: staff.oid,
      actor_tenant_id: a,
    });
  });

  test('rotation by request, by the job and by the console; check now; a CSV export', async () => {
    const { getTokenBroker } = await import('@/lib/tokens');
    const { runKeepalive } = await import('@/lib/keepalive/run-keepalive');
    const { checkConnectionNow } = await import('@/lib/connections/check-connection-now');
    const { exportCustomersCsv } = await import('@/lib/customers');
    const { saveTenantWebhook } = await import('@/lib/alerts/tenant-webhook-store');
    const { syncAlerts } = await import('@/lib/alerts/sync-alerts');
    await saveTenantWebhook(
      a,
      { url: receiver.url('/partner-a'), signingSecret: webhookSecret, format: 'generic' },
      { oid: randomUUID() },
    );
    // The alert rules' first look: states known now raise nothing later.
    await syncAlerts();

    await new Promise((r) => setTimeout(r, 1200));
    await asRequest(() => getTokenBroker().getAccessToken(a));
    await getTokenBroker().idle();
    await rememberToken(a);
    await runKeepalive({ trigger: 'job', tenantIds: [a] });
    await rememberToken(a);
    await runKeepalive({ trigger: 'console', tenantIds: [b] });
    await rememberToken(b);
    const adminA = user(a, 'admin', seededUser(tenants().partnerA, 'admin').upn);
    await expect(asRequest(() => checkConnectionNow(adminA, a))).resolves.toMatchObject({
      ok: true,
    });
    await rememberToken(a);
    const csv = await asRequest(() => exportCustomersCsv(adminA));
    await new Response(csv).text();
    await getTokenBroker().idle();

    const recorded = (await rows()).map((r) => [
      r.kind,
      r.result,
      r.actor_type,
      r.partner_tenant_id,
    ]);
    expect(recorded).toEqual(
      expect.arrayContaining([
        ['rotate', 'success', 'portal', a],
        ['rotate', 'success', 'job', a],
        ['rotate', 'success', 'console', b],
        ['check', 'success', 'user', a],
        ['csv_export', 'success', 'user', a],
      ]),
    );
    const exported = (await rows()).find((r) => r.kind === 'csv_export')!;
    expect(exported.audience).toBe('customer');
  });

  test('a revoked grant: check now finds it dead, the alert goes out; a reconnect resolves it', async () => {
    const { checkConnectionNow } = await import('@/lib/connections/check-connection-now');
    const { syncAlerts } = await import('@/lib/alerts/sync-alerts');
    const { connectPartner } = await import('../support/connect-partner');
    const adminA = user(a, 'admin', seededUser(tenants().partnerA, 'admin').upn);
    await cloud.control.revokeUser(seededUser(tenants().partnerA, 'admin').upn);
    const outcome = await asRequest(() => checkConnectionNow(adminA, a));
    expect(outcome.ok).toBe(false);
    expect(await syncAlerts()).toEqual([
      expect.objectContaining({ tenantId: a, event: 'alert.fired' }),
    ]);
    await receiver.waitForAccepted(1, 60_000);

    await asRequest(() => connectPartner('partnerA'));
    await rememberToken(a);
    expect(await syncAlerts()).toEqual([
      expect.objectContaining({ tenantId: a, event: 'alert.resolved' }),
    ]);
    await receiver.waitForAccepted(2, 60_000);
    // The delivery's row is written before the delivery reads final; wait for both rows.
    for (let i = 0; i < 300; i++) {
      const kinds = (await rows()).map((r) => r.kind);
      if (kinds.includes('alert_sent') && kinds.includes('alert_resolved')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const recorded = (await rows()).map((r) => [
      r.kind,
      r.result,
      r.actor_type,
      r.partner_tenant_id,
    ]);
    expect(recorded).toEqual(
      expect.arrayContaining([
        ['dead_grant', 'failed', 'portal', a],
        ['check', 'failed', 'user', a],
        ['alert_sent', 'success', 'job', a],
        ['replace', 'success', 'user', a],
        ['alert_resolved', 'success', 'job', a],
      ]),
    );
    const dead = (await rows()).find((r) => r.kind === 'dead_grant')!;
    expect(dead.error_code).toMatch(/^[A-Za-z0-9_.:-]+$/);
  });

  test('disconnect then reconnect (recover); disconnect with purge removes the webhook secret too', async () => {
    const { disconnectConnection } = await import('@/lib/connections/disconnect-connection');
    const { getTenantWebhook } = await import('@/lib/alerts/tenant-webhook-store');
    const { connectPartner } = await import('../support/connect-partner');
    const operator = user(tenants().home.id, 'operator');
    const adminA = user(a, 'admin', seededUser(tenants().partnerA, 'admin').upn);

    await asRequest(() => disconnectConnection(operator, b));
    await asRequest(() => connectPartner('partnerB'));
    await rememberToken(b);

    expect(await getTenantWebhook(a)).not.toBeNull();
    await expect(
      asRequest(() => disconnectConnection(adminA, a, { purge: true })),
    ).resolves.toMatchObject({ purge: expect.stringMatching(/^(purged|refused)$/) });
    expect(await getTenantWebhook(a)).toBeNull();

    const recorded = (await rows()).map((r) => [r.kind, r.actor_type, r.partner_tenant_id]);
    expect(recorded).toEqual(
      expect.arrayContaining([
        ['disconnect', 'user', b],
        ['recover', 'user', b],
        ['disconnect', 'user', a],
        ['purge', 'user', a],
      ]),
    );
    const byOperator = (await rows()).find(
      (r) => r.kind === 'disconnect' && r.partner_tenant_id === b,
    )!;
    expect(byOperator).toMatchObject({
      actor_tenant_id: tenants().home.id.toLowerCase(),
      actor_upn: operator.upn,
    });
  });

  test('every column of every row: no JWT, no refresh token, no secret of the manifest, no webhook URL', async () => {
    const all = await rows();
    // Every kind of the story is there (consent grants are the access view's, tested there).
    expect(new Set(all.map((r) => r.kind))).toEqual(
      new Set([
        'connect',
        'replace',
        'recover',
        'disconnect',
        'purge',
        'rotate',
        'check',
        'dead_grant',
        'alert_sent',
        'alert_resolved',
        'csv_export',
      ]),
    );
    const m = cloud.manifest;
    const secrets = new Set<string>([
      m.portalApp.clientSecret,
      webhookSecret,
      receiver.url(),
      ...refreshTokens,
      ...m.tenants.flatMap((t) => t.users.flatMap((u) => [u.password, u.totpSecret ?? ''])),
    ]);
    if (m.fleet) secrets.add(m.fleet.adminPassword);
    if (m.portalApp.certificatePath) {
      // The private key's base64 lines (64 characters each).
      for (const line of readFileSync(m.portalApp.certificatePath, 'utf8').split('\n'))
        if (line.length >= 40 && !line.startsWith('-----')) secrets.add(line.trim());
    }
    secrets.delete('');
    expect(refreshTokens.size).toBeGreaterThanOrEqual(4);
    const jwt = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./;
    const opaque = /[A-Za-z0-9._~+/=-]{64,}/;
    for (const row of all) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null) continue;
        const text = value instanceof Date ? value.toISOString() : String(value);
        const where = `activity_log.${column} of row ${row.id}`;
        expect([where, jwt.test(text)]).toEqual([where, false]);
        expect([where, opaque.test(text)]).toEqual([where, false]);
        for (const s of secrets) expect([where, text.includes(s)]).toEqual([where, false]);
      }
    }
    // Each row also went out as one structured log line, with the same columns.
    expect(logged).toHaveLength(all.length);
    expect(logged.map((l) => (l as { activity: { kind: string } }).activity.kind)).toEqual(
      all.map((r) => r.kind),
    );
  });

  test('scope: admin B sees none of A’s rows; the operator sees no customer-naming row; staff nothing', async () => {
    const { listActivity, readAllActivity, parseActivityQuery } = await import('@/lib/activity');
    const { home } = tenants();
    const everything = await rows();
    const adminA = user(a, 'admin');
    const adminB = user(b, 'admin');
    const operator = user(home.id, 'operator');

    const ofA = await listActivity(adminA, parseActivityQuery({}));
    expect(ofA.total).toBe(everything.filter((r) => r.partner_tenant_id === a).length);
    expect(ofA.rows.every((r) => r.partnerTenantId === a)).toBe(true);
    expect(ofA.rows.some((r) => r.kind === 'csv_export')).toBe(true);

    const ofB = await listActivity(adminB, parseActivityQuery({}));
    expect(ofB.rows.length).toBeGreaterThan(0);
    expect(ofB.rows.every((r) => r.partnerTenantId === b)).toBe(true);
    // Asking for A's tenant by filter does not widen B's scope.
    expect((await listActivity(adminB, parseActivityQuery({ tenant: a }))).rows).toEqual([]);
    const exportedByB: unknown[] = [];
    for await (const batch of readAllActivity(adminB, parseActivityQuery({ tenant: a })))
      exportedByB.push(...batch);
    expect(exportedByB).toEqual([]);

    const ofOperator = await listActivity(operator, parseActivityQuery({}));
    expect(ofOperator.total).toBe(everything.filter((r) => r.audience === 'partner').length);
    expect(ofOperator.rows.some((r) => r.kind === 'csv_export')).toBe(false);
    expect(ofOperator.rows.every((r) => r.audience === 'partner')).toBe(true);
    // Anonymous refusals are the operator's only.
    expect(ofOperator.rows.some((r) => r.actor.type === 'anonymous')).toBe(true);
    expect(ofA.rows.some((r) => r.actor.type === 'anonymous')).toBe(false);
    const operatorFiltered = await listActivity(
      operator,
      parseActivityQuery({ tenant: a, kind: 'csv_export' }),
    );
    expect(operatorFiltered.rows).toEqual([]);

    await expect(listActivity(user(a, 'staff'), parseActivityQuery({}))).rejects.toMatchObject({
      code: 'forbidden_not_admin',
      status: 403,
    });
  });

  test('filters and paging: kind and result narrow, pages hold 25 newest first', async () => {
    const { listActivity, parseActivityQuery } = await import('@/lib/activity');
    const operator = user(tenants().home.id, 'operator');
    const refused = await listActivity(operator, parseActivityQuery({ result: 'refused' }));
    expect(refused.rows.length).toBeGreaterThan(0);
    expect(refused.rows.every((r) => r.result === 'refused')).toBe(true);
    const rotations = await listActivity(operator, parseActivityQuery({ kind: 'rotate' }));
    expect(rotations.rows.every((r) => r.kind === 'rotate')).toBe(true);
    const times = rotations.rows.map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);
    // A page past the end is the last page, not an error.
    const far = await listActivity(operator, parseActivityQuery({ page: '200' }));
    expect(far.query.page).toBe(far.pageCount);
  });
});
