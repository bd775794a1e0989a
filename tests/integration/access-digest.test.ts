/**
 * The daily access digest end to end, for partner B (120 customers) against a private local
 * cloud and its own database: the real sync fills the rows, the partner's alert channel is a
 * webhook stored in the emulated Key Vault, and the receiver checks every signature as a real
 * one would. States known at the first full pass (the seed's expiring relationships and missing
 * consents) are never news; relationships that enter the expiry window later (as time reaches
 * their end date, their end date moved into it, their auto-extend turned off) and a consent lost
 * later make exactly one digest, with no alert per customer, and are not repeated the day after.
 */
import { randomBytes } from 'node:crypto';
import { getAccessRepository } from '@/lib/access/get-access-repository';
import { liveSyncDeps } from '@/lib/access/live-sync-deps';
import { checkCustomerNow } from '@/lib/access/check-customer-now';
import { sendAccessDigest } from '@/lib/access/send-digest';
import { syncPartner } from '@/lib/access/sync-partner';
import type { AccessRow } from '@/lib/access/access-row';
import { saveTenantWebhook } from '@/lib/alerts/tenant-webhook-store';
import { getConfig, resetConfigForTests } from '@/lib/config';
import type { TenantId } from '@/lib/ids/tenant-id';
import { resetSecretClientForTests } from '@/lib/vault/get-secret-client';
import { connectPartner } from '../support/connect-partner';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const DAY = 86_400_000;
const secret = randomBytes(32).toString('hex');
let cloud: PrivateCloud;
let t: TestDatabase;
let receiver: WebhookReceiver;
let partner: TenantId;
const savedEnv = { ...process.env };

async function control(method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${cloud.manifest.control.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${method} ${path} → ${res.status}`);
}

beforeAll(async () => {
  cloud = await startPrivateCloud();
  Object.assign(process.env, cloud.env);
  t = await createTestDatabase();
  t.useForLib();
  resetConfigForTests();
  resetSecretClientForTests();
  partner = await connectPartner('partnerB');
  receiver = await startWebhookReceiver(secret);
  await saveTenantWebhook(
    partner,
    { url: receiver.url('/digest'), signingSecret: secret, format: 'generic' },
    { oid: 'digest-test' },
  );
}, 180_000);

afterAll(async () => {
  await receiver?.close();
  await t?.drop();
  await cloud?.stop();
  process.env = savedEnv;
  resetConfigForTests();
});

async function allRows(now: Date): Promise<AccessRow[]> {
  return (
    await getAccessRepository().queryRows(
      partner,
      { filter: 'all', q: '', sort: 'name', dir: 'asc', page: 1, size: 500 },
      now,
      getConfig().ACCESS_EXPIRY_WARNING_DAYS,
    )
  ).rows;
}

describe('the daily access digest for partner B', () => {
  it('says nothing about states known at the first pass, then one signed digest of what changed since', async () => {
    const repo = getAccessRepository();
    const days = getConfig().ACCESS_EXPIRY_WARNING_DAYS;
    const t0 = Date.now();

    // No digest before the first full pass: there is no baseline yet.
    expect(await sendAccessDigest(repo, partner, new Date(t0))).toBe('no-baseline');
    const first = await syncPartner(partner, liveSyncDeps(partner, { maxRunMs: undefined }));
    expect(first.outcome).toBe('completed');
    const firstRows = await allRows(new Date());
    // An auto-extending relationship whose end date comes near: not expiring while it extends.
    const extending = firstRows.find(
      (r) =>
        r.access === 'gdap' &&
        r.autoExtend &&
        r.relationships.length === 1 &&
        r.relationships[0]!.status === 'active',
    )!;
    expect(extending).toBeDefined();
    await control('PATCH', `/graph/relationships/${extending.relationships[0]!.id}`, {
      endDateTime: new Date(t0 + 20 * DAY).toISOString(),
    });
    expect(
      (await syncPartner(partner, liveSyncDeps(partner, { maxRunMs: undefined }))).outcome,
    ).toBe('completed');
    const baseline = await allRows(new Date());
    expect(baseline.find((r) => r.customerTenantId === extending.customerTenantId)).toMatchObject({
      autoExtend: true,
      endDate: new Date(t0 + 20 * DAY).toISOString(),
    });
    const known = await repo.counts(partner, new Date(), days);
    // The seed has expiring relationships and missing consents at the first pass: not news.
    expect(known.expiring).toBeGreaterThan(0);
    expect(known.notConsented).toBeGreaterThan(0);
    expect(await sendAccessDigest(repo, partner, new Date(Date.now() + 60_000))).toBe(
      'nothing-new',
    );
    expect(receiver.received).toHaveLength(0);

    // After the first pass: one relationship that will enter the window in 3 days...
    const expiringLater = baseline.find(
      (r) =>
        r.access === 'gdap' &&
        !r.autoExtend &&
        r.relationships.length === 1 &&
        r.relationships[0]!.status === 'active' &&
        Date.parse(r.endDate ?? '') > t0 + (days + 10) * DAY,
    )!;
    expect(expiringLater).toBeDefined();
    await control('PATCH', `/graph/relationships/${expiringLater.relationships[0]!.id}`, {
      endDateTime: new Date(t0 + (days + 3) * DAY).toISOString(),
    });
    // One whose end date is moved into the window at once (its window "started" before the
    // last digest: only the sync can see that it is news)...
    const movedIn = baseline.find(
      (r) =>
        r.access === 'gdap' &&
        !r.autoExtend &&
        r.relationships.length === 1 &&
        r.relationships[0]!.status === 'active' &&
        Date.parse(r.endDate ?? '') > t0 + (days + 10) * DAY &&
        r.customerTenantId !== expiringLater.customerTenantId,
    )!;
    expect(movedIn).toBeDefined();
    await control('PATCH', `/graph/relationships/${movedIn.relationships[0]!.id}`, {
      endDateTime: new Date(t0 + 12 * DAY).toISOString(),
    });
    // ...one whose auto-extend is turned off, 20 days from its end...
    await control('PATCH', `/graph/relationships/${extending.relationships[0]!.id}`, {
      autoExtendDuration: 'PT0S',
    });
    // ...and one customer whose consent is removed (its service principal deleted).
    const changed = new Set(
      [expiringLater, movedIn, extending].map((r) => r.customerTenantId as string),
    );
    const lost = baseline.find((r) => r.consent === 'granted' && !changed.has(r.customerTenantId))!;
    await control(
      'DELETE',
      `/graph/customers/${lost.customerTenantId}/consents/${getConfig().ENTRA_CLIENT_ID}`,
    );

    // Five days on: the next pass sees the new end date, and a check sees the consent gone.
    const later = new Date(t0 + 5 * DAY);
    const deps = liveSyncDeps(partner, { maxRunMs: undefined, now: () => later });
    expect((await syncPartner(partner, deps)).outcome).toBe('completed');
    expect((await checkCustomerNow(partner, lost.customerTenantId, deps)).consent).toBe('missing');

    expect(await sendAccessDigest(repo, partner, new Date(later.getTime() + 60_000))).toBe('sent');
    const [digest, ...more] = await receiver.waitForAccepted(1);
    expect(more).toEqual([]);
    expect(digest).toMatchObject({ path: '/digest', signature: { ok: true } });
    const text = String(digest!.json.text);
    expect(text).toContain('3 GDAP relationship(s) expiring, 1 app consent(s) lost');
    for (const r of [expiringLater, movedIn, extending, lost]) expect(text).toContain(r.name);
    // None of the customers already expiring or unconsented at the first pass is named.
    const news = new Set([...changed, lost.customerTenantId]);
    const oldNews = baseline.filter(
      (r) =>
        !news.has(r.customerTenantId) &&
        r.name &&
        (r.consent === 'missing' ||
          r.consent === 'partial' ||
          (r.access === 'gdap' &&
            !r.autoExtend &&
            Date.parse(r.endDate ?? '') <= Date.now() + days * DAY)),
    );
    expect(oldNews.filter((r) => r.access === 'gdap' && !r.autoExtend).length).toBeGreaterThan(0);
    for (const r of oldNews) expect(text).not.toContain(r.name);

    // The same day again: nothing new, nothing sent. One digest in all, never one per customer.
    expect(await sendAccessDigest(repo, partner, new Date(later.getTime() + 120_000))).toBe(
      'nothing-new',
    );
    // The day after, past another pass with the same terms: nothing repeats.
    const nextDay = new Date(later.getTime() + DAY);
    const nextDeps = liveSyncDeps(partner, { maxRunMs: undefined, now: () => nextDay });
    expect((await syncPartner(partner, nextDeps)).outcome).toBe('completed');
    expect(await sendAccessDigest(repo, partner, new Date(nextDay.getTime() + 60_000))).toBe(
      'nothing-new',
    );
    expect(receiver.received).toHaveLength(1);
  }, 240_000);
});
