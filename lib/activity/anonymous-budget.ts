/**
 * Refusals before any verified identity (a missing state, a bad code) can be produced by anyone
 * on the internet, so this process records at most `perMinute` of them; the rest are counted in
 * one log line per minute instead of filling the table.
 */
export function createAnonymousBudget(perMinute: number, now: () => number = Date.now) {
  let windowStart = now();
  let used = 0;
  let dropped = 0;
  return {
    /** Whether one more anonymous row may be written; `droppedInLastWindow` is set when a window rolled over. */
    take(): { allowed: boolean; droppedInLastWindow?: number } {
      const t = now();
      let droppedInLastWindow: number | undefined;
      if (t - windowStart >= 60_000) {
        if (dropped > 0) droppedInLastWindow = dropped;
        windowStart = t;
        used = 0;
        dropped = 0;
      }
      if (used < perMinute) {
        used++;
        return { allowed: true, droppedInLastWindow };
      }
      dropped++;
      return { allowed: false, droppedInLastWindow };
    },
  };
}
