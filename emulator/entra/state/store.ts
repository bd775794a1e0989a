import { join } from 'node:path';
import { readJson, writeJsonAtomic } from '../../core/state-file';
import type { DirectoryStateHandle } from '../../directory/directory';
import type { DirectoryMutableState } from '../../directory/types';
import type { EntraState } from './types';

const DAY = 86_400_000;

/**
 * Entra's mutable state (codes, refresh tokens, sessions, sign-ins in progress, consents,
 * service principals, MFA switches, revocations) in `<stateDir>/entra.json`, written atomically
 * after every change. Without a state dir (unit tests) it lives in memory only.
 */
export class EntraStore implements DirectoryStateHandle {
  private state: EntraState;
  private readonly file?: string;

  constructor(
    stateDir: string | undefined,
    private readonly seed: () => DirectoryMutableState,
    private readonly now: () => number,
  ) {
    this.file = stateDir ? join(stateDir, 'entra.json') : undefined;
    const loaded = this.file ? readJson<EntraState>(this.file) : undefined;
    this.state = loaded?.version === 2 ? loaded : this.fresh();
  }

  get data(): EntraState {
    return this.state;
  }

  directory(): DirectoryMutableState {
    return this.state.directory;
  }

  save(): void {
    this.prune();
    if (this.file) writeJsonAtomic(this.file, this.state);
  }

  reset(): void {
    this.state = this.fresh();
    this.save();
  }

  private fresh(): EntraState {
    return {
      version: 2,
      directory: this.seed(),
      codes: {},
      refreshTokens: {},
      sessions: {},
      interactions: {},
    };
  }

  /** Drops records no request can use any more, so the file does not grow without bound. */
  private prune(): void {
    const now = this.now();
    for (const [k, c] of Object.entries(this.state.codes))
      if (c.expiresAt + DAY < now) delete this.state.codes[k];
    for (const [k, i] of Object.entries(this.state.interactions))
      if (i.createdAt + DAY < now) delete this.state.interactions[k];
    for (const [k, rt] of Object.entries(this.state.refreshTokens))
      if (rt.lastUsedAt + 400 * DAY < now) delete this.state.refreshTokens[k];
  }
}
