import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** One map of records kept in the journal, e.g. refresh tokens by hash. */
export interface JournaledMap<V> {
  /** Short name written on each line. */
  name: string;
  /** The live records (the state object's own map: the journal reads it, never replaces it). */
  get(): Record<string, V>;
  /**
   * What changes when a record is updated in place (refresh tokens: `lastUsedAt`); records
   * that are only ever replaced need none, identity is enough.
   */
  fingerprint?: (v: V) => unknown;
}

interface Shadow {
  ref: unknown;
  print: unknown;
}

type Line = { m: string; k: string; v?: unknown; d?: 1 };

/**
 * An append-only journal for maps that grow with use (refresh tokens: one per redemption, so an
 * access sync over thousands of customers adds thousands). Each `sync` appends one JSON line per
 * record added, changed or deleted since the last sync and fsyncs once, so a write costs what
 * changed, not the size of the state. A crash can only tear the last line, which replay skips,
 * so every sync is all-or-nothing. When dead lines outnumber live records the journal is
 * compacted: rewritten whole to a temp file and renamed over (atomic on POSIX).
 */
export class MapJournal {
  private readonly shadows = new Map<string, Map<string, Shadow>>();
  private lines = 0;

  /** `slack`: dead lines tolerated on top of twice the live records before compacting. */
  constructor(
    private readonly file: string,
    private readonly maps: Array<JournaledMap<unknown>>,
    private readonly slack = 1000,
  ) {}

  /** Replays the journal into the maps (last line wins); returns how many lines it read. */
  load(): number {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw e;
    }
    const byName = new Map(this.maps.map((m) => [m.name, m]));
    let read = 0;
    for (const raw of text.split('\n')) {
      if (!raw) continue;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        continue; // a torn last line from a crash: that sync never completed
      }
      const map = byName.get(line.m)?.get();
      if (!map || typeof line.k !== 'string') continue;
      if (line.d) delete map[line.k];
      else map[line.k] = line.v;
      read += 1;
    }
    this.lines = read;
    this.remember();
    return read;
  }

  /** Appends what changed since the last sync (or load); compacts when the journal is mostly dead. */
  sync(): number {
    const out: string[] = [];
    for (const m of this.maps) {
      const shadow = this.shadowOf(m.name);
      const live = m.get();
      for (const [k, v] of Object.entries(live)) {
        const s = shadow.get(k);
        const print = m.fingerprint?.(v);
        if (s && s.ref === v && s.print === print) continue;
        out.push(JSON.stringify({ m: m.name, k, v }));
        shadow.set(k, { ref: v, print });
      }
      for (const k of shadow.keys()) {
        if (Object.prototype.hasOwnProperty.call(live, k)) continue;
        out.push(JSON.stringify({ m: m.name, k, d: 1 }));
        shadow.delete(k);
      }
    }
    if (out.length === 0) return 0;
    const live = [...this.shadows.values()].reduce((n, s) => n + s.size, 0);
    if (this.lines + out.length > 2 * live + this.slack) {
      this.compact();
      return out.length;
    }
    mkdirSync(dirname(this.file), { recursive: true });
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, `${out.join('\n')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.lines += out.length;
    return out.length;
  }

  /** Rewrites the journal as exactly the live records (also how a reset starts it over). */
  compact(): void {
    const out: string[] = [];
    for (const m of this.maps)
      for (const [k, v] of Object.entries(m.get())) out.push(JSON.stringify({ m: m.name, k, v }));
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      if (out.length) writeSync(fd, `${out.join('\n')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    this.lines = out.length;
    this.remember();
  }

  /** Lines in the journal file now (for tests and the bench). */
  get length(): number {
    return this.lines;
  }

  private shadowOf(name: string): Map<string, Shadow> {
    let s = this.shadows.get(name);
    if (!s) this.shadows.set(name, (s = new Map()));
    return s;
  }

  private remember(): void {
    for (const m of this.maps) {
      const shadow = new Map<string, Shadow>();
      for (const [k, v] of Object.entries(m.get()))
        shadow.set(k, { ref: v, print: m.fingerprint?.(v) });
      this.shadows.set(m.name, shadow);
    }
  }
}
