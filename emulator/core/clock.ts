import { readJson, writeJsonAtomic } from './state-file';

/**
 * The emulator's notion of "now". Tests move it forward (90-day refresh-token inactivity,
 * token expiry) through the control API instead of waiting. The offset persists so a restart
 * does not travel back in time.
 */
export class Clock {
  private offsetMs = 0;

  constructor(private readonly file?: string) {
    if (file) this.offsetMs = readJson<{ offsetMs: number }>(file)?.offsetMs ?? 0;
  }

  /** Milliseconds since the epoch, emulator time. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Seconds since the epoch, emulator time, as JWT and Key Vault timestamps use. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
    this.persist();
  }

  reset(): void {
    this.offsetMs = 0;
    this.persist();
  }

  private persist(): void {
    if (this.file) writeJsonAtomic(this.file, { offsetMs: this.offsetMs });
  }
}
