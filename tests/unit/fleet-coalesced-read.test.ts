import { CoalescedRead } from '@/lib/fleet/coalesced-read';

/** A store whose reads the test ends by hand, recording what each read saw when it started. */
function manualStore() {
  let value = 0;
  const pending: Array<{ resolve: (v: number) => void; reject: (e: Error) => void; saw: number }> =
    [];
  return {
    set: (v: number) => (value = v),
    pending,
    read: () =>
      new Promise<number>((resolve, reject) => pending.push({ resolve, reject, saw: value })),
    /** Ends the oldest running read with the value it saw when it started. */
    finishNext: async () => {
      const r = pending.shift()!;
      r.resolve(r.saw);
      await new Promise((res) => setImmediate(res));
    },
  };
}

describe('CoalescedRead', () => {
  it('serves callers who arrive during a read with ONE later read, never with the running one', async () => {
    const store = manualStore();
    const reader = new CoalescedRead(() => store.read());
    const first = reader.read('t');
    store.set(1); // written by another instance while the first read is in flight
    const late = [reader.read('t'), reader.read('t'), reader.read('t')];
    expect(store.pending).toHaveLength(1);
    await store.finishNext();
    await expect(first).resolves.toBe(0);
    expect(store.pending).toHaveLength(1); // one queued read for the three late callers
    await store.finishNext();
    await expect(Promise.all(late)).resolves.toEqual([1, 1, 1]);
    expect(reader.size).toBe(0);
  });

  it('a failed read fails its own callers only; the next callers read again', async () => {
    const store = manualStore();
    const reader = new CoalescedRead(() => store.read());
    const first = reader.read('t');
    const second = reader.read('t');
    store.pending.shift()!.reject(new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    await new Promise((res) => setImmediate(res));
    await store.finishNext();
    await expect(second).resolves.toBe(0);
    expect(reader.size).toBe(0);
  });

  it('keeps keys apart', async () => {
    const seen: string[] = [];
    const reader = new CoalescedRead(async (k: string) => (seen.push(k), k.toUpperCase()));
    await expect(Promise.all([reader.read('a'), reader.read('b')])).resolves.toEqual(['A', 'B']);
    expect(seen).toEqual(['a', 'b']);
  });
});
