import { join } from 'node:path';
import { MapJournal } from '../../core/map-journal';
import { readJson, writeTextAtomic } from '../../core/state-file';
import type { DirectoryStateHandle } from '../../directory/directory';
import type { DirectoryMutableState } from '../../directory/types';
import type { EntraState, RefreshTokenRecord } from './types';

const DAY = 86_400_000;

/**
 * Entra's mutable state (codes, refresh tokens, sessions, sign-ins in progress, consents,
 * service principals, MFA switches, revocations, GDAP and customer-consent changes). Without a
 * state dir (unit tests) it lives in memory only. With one, every `save()` persists it in two
 * parts, so a write costs what changed rather than the size of the state:
 * - the maps that grow with use (refresh tokens: one per redemption, so a sync over thousands
 *   of customers adds thousands; customer consents; relationship changes) as lines appended to
 *   `<stateDir>/entra-journal.jsonl` (core/map-journal.ts);
 * - the rest, which stays small, in `<stateDir>/entra.json`, written atomically, and only when
 *   it changed.
 */
export class EntraStore implements DirectoryStateHandle {
  private state: EntraState;
  private readonly file?: string;
  private readonly journal?: MapJournal;
  private lastMain?: string;
  private lastPrune = -Infinity;

  constructor(
    stateDir: string | undefined,
    private readonly seed: () => DirectoryMutableState,
    private readonly now: () => number,
    /** Refresh tokens issued before the emulator started (the `--partners` fleet's). */
    private readonly seedRefreshTokens: () => Record<string, RefreshTokenRecord> = () => ({}),
  ) {
    this.file = stateDir ? join(stateDir, 'entra.json') : undefined;
    const loaded = this.file ? readJson<EntraState>(this.file) : undefined;
    this.state = loaded?.version === 2 ? loaded : this.fresh();
    if (!stateDir) return;
    this.journal = new MapJournal(join(stateDir, 'entra-journal.jsonl'), [
      {
        name: 'rt',
        get: () => this.state.refreshTokens,
        fingerprint: (v) => (v as { lastUsedAt: number }).lastUsedAt,
      },
      { name: 'consent', get: () => this.state.directory.customerConsents },
      { name: 'gdap', get: () => this.state.directory.relationshipOverrides },
    ]);
    if (loaded?.version !== 2) {
      this.journal.compact(); // a fresh state: any old journal belongs to another seed
      return;
    }
    // A file written before the journal existed holds its refresh tokens itself: keep them.
    const legacy = Object.keys(loaded.refreshTokens ?? {}).length > 0;
    this.state.refreshTokens ??= {};
    this.journal.load();
    if (legacy) this.journal.compact();
    this.lastMain = this.mainText();
  }

  get data(): EntraState {
    return this.state;
  }

  directory(): DirectoryMutableState {
    return this.state.directory;
  }

  save(): void {
    this.prune();
    if (!this.file || !this.journal) return;
    this.journal.sync();
    const main = this.mainText();
    if (main === this.lastMain) return;
    writeTextAtomic(this.file, main);
    this.lastMain = main;
  }

  reset(): void {
    this.state = this.fresh();
    this.journal?.compact();
    this.lastMain = undefined;
    this.save();
  }

  /** Lines in the journal (tests and the bench). */
  get journalLength(): number {
    return this.journal?.length ?? 0;
  }

  /** entra.json: the state without the journaled maps. */
  private mainText(): string {
    return JSON.stringify({
      ...this.state,
      refreshTokens: {},
      directory: { ...this.state.directory, customerConsents: {}, relationshipOverrides: {} },
    });
  }

  private fresh(): EntraState {
    return {
      version: 2,
      directory: this.seed(),
      codes: {},
      refreshTokens: this.seedRefreshTokens(),
      sessions: {},
      interactions: {},
    };
  }

  /** Drops records no request can use any more, so the state does not grow without bound. */
  private prune(): void {
    const now = this.now();
    // At most once a minute: it walks every refresh token, and nothing expires faster than a day.
    if (Math.abs(now - this.lastPrune) < 60_000) return;
    this.lastPrune = now;
    for (const [k, c] of Object.entries(this.state.codes))
      if (c.expiresAt + DAY < now) delete this.state.codes[k];
    for (const [k, i] of Object.entries(this.state.interactions))
      if (i.createdAt + DAY < now) delete this.state.interactions[k];
    for (const [k, rt] of Object.entries(this.state.refreshTokens))
      if (rt.lastUsedAt + 400 * DAY < now) delete this.state.refreshTokens[k];
  }
}
