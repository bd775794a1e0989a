import { RateBudget } from '@/lib/access/rate-budget';
import { DEFAULT_CADENCE, nextCheckAt, planBatch } from '@/lib/access/sync-plan';

const NOW = new Date('2026-11-30T00:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe('sync planning: stalest first', () => {
  it('re-checks failed rows after a day and healthy rows after a week', () => {
    const checked = hoursAgo(0);
    expect(nextCheckAt(checked, true, DEFAULT_CADENCE)!.getTime() - checked.getTime()).toBe(
      24 * 3_600_000,
    );
    expect(nextCheckAt(checked, false, DEFAULT_CADENCE)!.getTime() - checked.getTime()).toBe(
      7 * 24 * 3_600_000,
    );
    expect(nextCheckAt(null, false, DEFAULT_CADENCE)).toBeNull();
  });

  it('takes never-checked rows first, then the earliest due, and skips rows not yet due', () => {
    const rows = [
      {
        customerTenantId: 'healthy-recent',
        nextCheckAt: nextCheckAt(hoursAgo(1), false, DEFAULT_CADENCE),
      },
      {
        customerTenantId: 'failed-2d',
        nextCheckAt: nextCheckAt(hoursAgo(48), true, DEFAULT_CADENCE),
      },
      { customerTenantId: 'never-b', nextCheckAt: null },
      {
        customerTenantId: 'healthy-9d',
        nextCheckAt: nextCheckAt(hoursAgo(9 * 24), false, DEFAULT_CADENCE),
      },
      {
        customerTenantId: 'failed-1h',
        nextCheckAt: nextCheckAt(hoursAgo(1), true, DEFAULT_CADENCE),
      },
      { customerTenantId: 'never-a', nextCheckAt: null },
    ];
    expect(planBatch(rows, NOW, 10).map((r) => r.customerTenantId)).toEqual([
      'never-a',
      'never-b',
      'healthy-9d',
      'failed-2d',
    ]);
    expect(planBatch(rows, NOW, 1).map((r) => r.customerTenantId)).toEqual(['never-a']);
  });

  it('honours a configured cadence', () => {
    const cadence = { failedMs: 3_600_000, healthyMs: 2 * 3_600_000 };
    const rows = [
      { customerTenantId: 'x', nextCheckAt: nextCheckAt(hoursAgo(1.5), true, cadence) },
    ];
    expect(planBatch(rows, NOW, 5)).toHaveLength(1);
  });
});

/** A fake clock: sleeping advances it, so the budget's schedule can be read exactly. */
function fakeClock() {
  let t = 1_000_000;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('rate budget', () => {
  it('never lets more than the budget through in any one-second window', async () => {
    const clock = fakeClock();
    const budget = new RateBudget({ ratePerSecond: 10, ...clock });
    const times: number[] = [];
    for (let i = 0; i < 55; i++) {
      await budget.take();
      times.push(clock.now());
    }
    for (const start of times) {
      const inWindow = times.filter((t) => t >= start && t < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(10);
    }
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(5400 - 1);
  });

  it('gives concurrent callers distinct slots', async () => {
    const clock = fakeClock();
    const budget = new RateBudget({
      ratePerSecond: 4,
      now: clock.now,
      sleep: async () => undefined,
    });
    const started = clock.now();
    const slots: number[] = [];
    const spy = { sleep: async (ms: number) => void slots.push(started + ms) };
    const b = new RateBudget({ ratePerSecond: 4, now: clock.now, sleep: spy.sleep });
    await Promise.all([b.take(), b.take(), b.take(), b.take()]);
    expect(slots).toEqual([started + 250, started + 500, started + 750]);
    expect(budget.stats.taken).toBe(0);
  });

  it('pauses for Retry-After on a 429 and halves its rate, then recovers after a quiet period', async () => {
    const clock = fakeClock();
    const budget = new RateBudget({ ratePerSecond: 10, recoverAfterMs: 10_000, ...clock });
    await budget.take();
    const at429 = clock.now();
    budget.throttled(5000);
    expect(budget.currentRatePerSecond).toBe(5);
    await budget.take();
    expect(clock.now()).toBeGreaterThanOrEqual(at429 + 5000);
    const t1 = clock.now();
    await budget.take();
    expect(clock.now() - t1).toBe(200);
    clock.advance(20_000);
    await budget.take();
    expect(budget.currentRatePerSecond).toBe(10);
    expect(budget.stats).toEqual({ taken: 4, throttles: 1 });
  });

  it('backs off exponentially on 429s without Retry-After, within a cap', () => {
    const clock = fakeClock();
    const budget = new RateBudget({
      ratePerSecond: 100,
      baseBackoffMs: 1000,
      maxBackoffMs: 4000,
      maxSlowdown: 4,
      ...clock,
    });
    const pauses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = clock.now();
      budget.throttled(undefined);
      pauses.push((budget as unknown as { pausedUntil: number }).pausedUntil - before);
    }
    expect(pauses).toEqual([1000, 2000, 4000, 4000]);
    expect(budget.currentRatePerSecond).toBe(25);
  });

  it('refuses a budget that is not positive', () => {
    expect(() => new RateBudget({ ratePerSecond: 0 })).toThrow(RangeError);
  });
});
