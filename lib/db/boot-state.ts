import { processSingleton } from '@/lib/tokens/process-singleton';

/**
 * Where this process's start-up migration stands. `none`: not a portal server (the console, a
 * test), which checks the database on its own. `waiting`: retrying an unreachable database.
 * `failed`: a migration itself failed (retried too, in case an operator fixes it).
 */
export interface BootState {
  status: 'none' | 'waiting' | 'ready' | 'failed';
  attempts: number;
  errorCode?: string;
  since: Date;
  nextAttemptAt?: Date;
}

const state = () =>
  processSingleton<{ current: BootState }>('db.boot-state', () => ({
    current: { status: 'none', attempts: 0, since: new Date() },
  }));

export function readBootState(): BootState {
  return state().current;
}

export function writeBootState(next: BootState): void {
  state().current = next;
}
