import { processSingleton } from '@/lib/tokens/process-singleton';

/**
 * Where this process's start-up migration stands. `none`: not a portal server (the console, a
 * test), which checks the database on its own. `migrating`: the first attempt is running (tables may not exist yet). `waiting`: retrying an
 * unreachable database.
 * `failed`: a migration itself failed (retried too, in case an operator fixes it).
 */
export interface BootState {
  status: 'none' | 'migrating' | 'waiting' | 'ready' | 'failed';
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

/** Whether this process may not use the database yet: its start-up migration has not finished. */
export function isBootPending(boot: BootState = readBootState()): boolean {
  return boot.status === 'migrating' || boot.status === 'waiting' || boot.status === 'failed';
}

export function writeBootState(next: BootState): void {
  state().current = next;
}
