import { PARTNER_B_CUSTOMERS, generateSubscriptions, seedCustomers } from '@/emulator/seed';

// Real sockets, seeded data and RSA signing: generous limits for a loaded CI machine (not timing asserts).
jest.setTimeout(60_000);

describe('customer seed', () => {
  const reserved = ['contosopartners.onmicrosoft.com', 'fabrikamcloud.onmicrosoft.com'];
  const seed = seedCustomers(['partner-a', 'partner-b'], 2500, reserved);
  const a = seed.byPartner.get('partner-a')!;
  const b = seed.byPartner.get('partner-b')!;

  it('gives partner A `scale` customers and partner B 120', () => {
    expect(a).toHaveLength(2500);
    expect(b).toHaveLength(PARTNER_B_CUSTOMERS);
    expect(seed.byId.size).toBe(2620);
  });

  it('is deterministic, and a larger scale only appends to partner A', () => {
    const again = seedCustomers(['partner-a', 'partner-b'], 2500, reserved);
    expect(again.byPartner.get('partner-a')).toEqual(a);
    const bigger = seedCustomers(['partner-a', 'partner-b'], 3000, reserved);
    expect(bigger.byPartner.get('partner-a')!.slice(0, 2500)).toEqual(a);
    expect(bigger.byPartner.get('partner-b')).toEqual(b);
    expect(generateSubscriptions(a[7]!)).toEqual(
      generateSubscriptions(again.byPartner.get('partner-a')![7]!),
    );
  });

  it('gives every customer a unique GUID and a unique <slug>.onmicrosoft.com domain, avoiding reserved ones', () => {
    const all = [...a, ...b];
    expect(
      all.every((c) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(c.id),
      ),
    ).toBe(true);
    expect(all.every((c) => /^[a-z0-9]{1,27}\.onmicrosoft\.com$/.test(c.domain))).toBe(true);
    expect(new Set(all.map((c) => c.domain)).size).toBe(all.length);
    expect(all.some((c) => reserved.includes(c.domain))).toBe(false);
  });

  it('looks real: varied names, countries, both relationships, 0–8 subscriptions with a spread', () => {
    expect(new Set(a.map((c) => c.companyName)).size).toBeGreaterThan(2000);
    const countries = new Set(a.map((c) => c.address.country));
    expect(countries.size).toBeGreaterThanOrEqual(10);
    expect(a.filter((c) => c.relationship === 'advisor').length).toBeGreaterThan(100);
    expect(a.filter((c) => c.relationship === 'reseller').length).toBeGreaterThan(1500);
    const counts = a.map((c) => c.subscriptionCount);
    expect(Math.min(...counts)).toBe(0);
    expect(Math.max(...counts)).toBe(8);
    for (const c of a.slice(0, 200)) {
      const subs = generateSubscriptions(c);
      expect(subs).toHaveLength(c.subscriptionCount);
      for (const s of subs)
        expect(Date.parse(s.commitmentEndDate)).toBeGreaterThan(Date.parse(s.effectiveStartDate));
    }
    expect(
      a.every(
        (c) =>
          c.address.addressLine1 &&
          c.address.city &&
          c.address.postalCode &&
          c.billing.email.includes('@'),
      ),
    ).toBe(true);
  });
});
