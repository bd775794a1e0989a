/**
 * Reads by key, shared between concurrent callers without ever answering a caller with a read
 * that started before it asked. A caller that arrives while a read is running waits for the next
 * one, which starts when the running one ends and serves everyone who arrived meanwhile. So a
 * state written by another instance before the call is always seen (as with a read per call),
 * while a burst of callers costs two reads instead of one each.
 */
export class CoalescedRead<K, V> {
  private readonly slots = new Map<K, { running?: Promise<V>; queued?: Promise<V> }>();

  constructor(private readonly readOnce: (key: K) => Promise<V>) {}

  read(key: K): Promise<V> {
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = {}));
    const { running, queued } = slot;
    if (!running) return this.start(key, slot);
    if (queued) return queued;
    const s = slot;
    const next = running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        s.queued = undefined;
        return this.start(key, s);
      });
    s.queued = next;
    return next;
  }

  private start(key: K, slot: { running?: Promise<V>; queued?: Promise<V> }): Promise<V> {
    const running: Promise<V> = this.readOnce(key).finally(() => {
      if (slot.running === running) slot.running = undefined;
      if (!slot.running && !slot.queued && this.slots.get(key) === slot) this.slots.delete(key);
    });
    slot.running = running;
    return running;
  }

  /** Keys with a read running or queued (for tests: an idle reader holds nothing). */
  get size(): number {
    return this.slots.size;
  }
}
