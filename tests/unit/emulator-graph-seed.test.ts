import { PARTNER_A_TENANT_ID, PARTNER_B_TENANT_ID } from '@/emulator/directory/seed';
import { seedCustomers } from '@/emulator/seed';
import {
  anchorDay,
  countAccessSeed,
  seedCustomerAccess,
  type SeedCustomerAccess,
} from '@/emulator/seed/customer-access';

const DAY = 86_400_000;
const ANCHOR = Date.UTC(2026, 10, 30, 13, 45);
const GA = '62e90394-69f5-4237-9190-012177145e10';

/** The demo seed: partner A with 2,500 customers, partner B with 120. */
const demo = seedCustomers([PARTNER_A_TENANT_ID, PARTNER_B_TENANT_ID], 2500, []);
const seedFor = (partner: string, anchor = ANCHOR): SeedCustomerAccess[] =>
  (demo.byPartner.get(partner) ?? []).map((c) =>
    seedCustomerAccess(partner, { id: c.id, displayName: c.companyName }, anchor),
  );

describe('the GDAP and consent seed', () => {
  const a = seedFor(PARTNER_A_TENANT_ID);
  const b = seedFor(PARTNER_B_TENANT_ID);

  it('is a pure function of (partner, customer, anchor day)', () => {
    expect(seedFor(PARTNER_B_TENANT_ID)).toEqual(b);
    // Any time on the same UTC day gives the same seed.
    expect(seedFor(PARTNER_B_TENANT_ID, anchorDay(ANCHOR) + 5 * 60_000)).toEqual(b);
    // The same customer seeded for another partner is another world.
    const c = demo.byPartner.get(PARTNER_B_TENANT_ID)![0]!;
    const other = seedCustomerAccess(
      PARTNER_A_TENANT_ID,
      { id: c.id, displayName: c.companyName },
      ANCHOR,
    );
    expect(other).not.toEqual(b[0]);
  });

  it('moves every date with the anchor and nothing else', () => {
    const later = seedFor(PARTNER_B_TENANT_ID, ANCHOR + 10 * DAY);
    const shift = (s: SeedCustomerAccess[]) =>
      JSON.stringify(s, (k, v: unknown) =>
        typeof v === 'number' && /At$/.test(k) ? (v as number) + 10 * DAY : v,
      );
    expect(JSON.stringify(later)).toEqual(shift(b));
  });

  it('publishes the demo seed counts, with every state present', () => {
    const countsA = countAccessSeed(a);
    const countsB = countAccessSeed(b);
    // Printed so the issue note can quote them (they are deterministic).
    console.log(JSON.stringify({ partnerA: countsA, partnerB: countsB }, null, 1));
    expect(countsA.customers).toBe(2500);
    expect(countsB.customers).toBe(120);
    for (const n of Object.values(countsA.buckets)) expect(n).toBeGreaterThan(0);
    for (const n of Object.values(countsA.consent)) expect(n).toBeGreaterThan(0);
    expect(countsA.withGlobalAdministrator).toBeGreaterThan(0);
    expect(countsA.reseller).toBeGreaterThan(0);
    expect(countsA.tokenBlocked).toBeGreaterThan(0);
    // "Consented in most customers".
    expect(countsA.consent.granted).toBeGreaterThan(countsA.customers / 2);
    for (const bucket of ['active', 'expiringSoon', 'none'] as const)
      expect(countsB.buckets[bucket]).toBeGreaterThan(0);
  });

  it('keeps each relationship consistent with its bucket and with the GDAP rules', () => {
    const day0 = anchorDay(ANCHOR);
    const names = new Set<string>();
    for (const s of a) {
      for (const r of s.relationships) {
        expect(r.displayName.length).toBeLessThanOrEqual(50);
        expect(names.has(r.displayName)).toBe(false);
        names.add(r.displayName);
        const days = Number(/^P(\d+)D$/.exec(r.duration)?.[1]);
        expect(days).toBeGreaterThanOrEqual(1);
        expect(days).toBeLessThanOrEqual(730);
        if (r.roleIds.includes(GA)) expect(r.autoExtendDuration).toBe('PT0S');
        if (r.status === 'approvalPending') {
          expect(r.activatedAt).toBeNull();
          expect(r.endAt).toBeNull();
          expect(r.assignments).toEqual([]);
        } else {
          expect(r.activatedAt).not.toBeNull();
          expect(r.activatedAt!).toBeLessThanOrEqual(day0 + DAY);
        }
        if (r.status === 'active') expect(r.endAt!).toBeGreaterThan(day0);
        if (r.status === 'expired' || r.status === 'terminated')
          expect(r.endAt!).toBeLessThan(day0);
      }
      const main = s.relationships[0];
      if (s.bucket === 'expiringSoon') expect(main!.endAt! - day0).toBeLessThan(30 * DAY);
      if (s.bucket === 'active') expect(main!.endAt! - day0).toBeGreaterThanOrEqual(45 * DAY);
      if (s.bucket === 'mltOnly')
        expect(main!.displayName).toMatch(/^MLT_[0-9a-f]{8}_[0-9a-f]{8}_[0-9a-f]{8}$/);
      if (s.bucket === 'none') expect(s.relationships).toEqual([]);
      if (s.consent === 'missing') expect(s.consentScopes).toEqual([]);
    }
  });
});
