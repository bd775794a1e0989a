/**
 * A small seeded PRNG (mulberry32). Seed data must be the same on every machine and every run,
 * so nothing here may touch Math.random or the clock.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** A GUID shaped like Entra's (version 4 layout), from this generator's stream. */
  guid(): string {
    const a = this.word();
    const b = this.word();
    const c = this.word();
    const d = this.word();
    const variant = (8 + (c >>> 30)).toString(16);
    return (
      hex8(a) +
      '-' +
      hex8(b).slice(0, 4) +
      '-4' +
      hex8(b).slice(5) +
      '-' +
      variant +
      hex8(c).slice(1, 4) +
      '-' +
      hex8(c).slice(4) +
      hex8(d)
    );
  }

  /** An unsigned 32-bit integer. */
  word(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += hex8(this.word());
    return out.slice(0, length);
  }

  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(this.int(0, 9));
    return out;
  }
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** FNV-1a: turns a label such as "partner-a" into a 32-bit seed. */
export function seedFrom(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
