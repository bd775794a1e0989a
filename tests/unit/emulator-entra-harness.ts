import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '@/emulator/core/clock';
import { SigningKeys } from '@/emulator/core/signing-keys';
import { Directory } from '@/emulator/directory/directory';
import { seedRegistrations } from '@/emulator/directory/seed';
import { seedDirectoryState } from '@/emulator/directory/seed-state';
import type { EntraDeps } from '@/emulator/entra/entra-deps';
import { EntraStore } from '@/emulator/entra/state/store';

export const AUTHORITY = 'https://localhost:1';

/** Entra's token logic on a temp state dir, no listeners: the store persists to `<dir>/entra.json`. */
export function makeEntra(): {
  deps: EntraDeps;
  clock: Clock;
  stateDir: string;
  cleanup: () => void;
  reopen: () => EntraDeps;
} {
  const stateDir = mkdtempSync(join(tmpdir(), 'entra-unit-'));
  const clock = new Clock();
  const keys = new SigningKeys(stateDir, clock);
  const urls = {
    entra: AUTHORITY,
    entraBrowser: 'http://localhost:2',
    keyVault: 'https://localhost:3',
    partnerCenter: 'https://localhost:4',
    control: 'http://127.0.0.1:5',
    graph: 'https://localhost:6',
  };
  const build = () => {
    const store = new EntraStore(
      stateDir,
      () => seedDirectoryState(seedRegistrations('http://localhost:3000'), clock.now()),
      () => clock.now(),
    );
    const directory = new Directory('http://localhost:3000', store);
    return { ctx: { clock, keys, urls }, directory, store };
  };
  return {
    deps: build(),
    clock,
    stateDir,
    cleanup: () => rmSync(stateDir, { recursive: true, force: true }),
    reopen: build,
  };
}
