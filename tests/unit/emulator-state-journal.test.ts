import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MapJournal } from '@/emulator/core/map-journal';
import { seedRegistrations } from '@/emulator/directory/seed';
import { seedDirectoryState } from '@/emulator/directory/seed-state';
import { EntraStore } from '@/emulator/entra/state/store';
import type { RefreshTokenRecord } from '@/emulator/entra/state/types';

const seed = () => seedDirectoryState(seedRegistrations('http://localhost:3000'), 1_000);
/** Times near now: the store prunes refresh tokens unused for 400 days. */
const T0 = Date.now();
const rt = (n: number): RefreshTokenRecord => ({
  clientId: 'c',
  tenantId: 't',
  userOid: 'u',
  amr: ['pwd', 'mfa'],
  authTime: T0 + n,
  sid: 's',
  issuedAt: T0 + n,
  lastUsedAt: T0 + n,
});

let dir: string;
const now = () => Date.now();
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'entra-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const journalFile = () => join(dir, 'entra-journal.jsonl');
const lines = () => readFileSync(journalFile(), 'utf8').split('\n').filter(Boolean);

describe('Entra state: small file plus journal', () => {
  it('persists refresh tokens, in-place touches, deletions, consents and GDAP changes across a reopen', () => {
    const store = new EntraStore(dir, seed, now);
    store.data.refreshTokens.a = rt(1);
    store.data.refreshTokens.b = rt(2);
    store.data.directory.customerConsents['t1|app'] = {
      servicePrincipalId: 'sp',
      createdAt: 5,
      grants: { g: ['x'] },
    };
    store.data.directory.relationshipOverrides.r1 = { status: 'terminated', lastModifiedAt: 9 };
    store.save();
    store.data.refreshTokens.a!.lastUsedAt = T0 + 50; // in place, as a redemption does
    delete store.data.refreshTokens.b;
    store.data.directory.customerConsents['t1|app'] = null; // removed
    store.save();

    const reopened = new EntraStore(dir, seed, now);
    expect(reopened.data.refreshTokens).toEqual({ a: { ...rt(1), lastUsedAt: T0 + 50 } });
    expect(reopened.data.directory.customerConsents).toEqual({ 't1|app': null });
    expect(reopened.data.directory.relationshipOverrides).toEqual({
      r1: { status: 'terminated', lastModifiedAt: 9 },
    });
    // The growing maps are in the journal, not in entra.json.
    const main = JSON.parse(readFileSync(join(dir, 'entra.json'), 'utf8'));
    expect(main.refreshTokens).toEqual({});
  });

  it('appends only what changed, and writes nothing when nothing changed', () => {
    const store = new EntraStore(dir, seed, now);
    for (let i = 0; i < 50; i++) store.data.refreshTokens[`k${i}`] = rt(i);
    store.save();
    expect(lines()).toHaveLength(50);
    const mainBefore = statSync(join(dir, 'entra.json')).mtimeMs;
    store.data.refreshTokens.k7!.lastUsedAt = T0 + 99;
    store.data.refreshTokens.new = rt(100);
    store.save();
    expect(lines()).toHaveLength(52);
    store.save();
    expect(lines()).toHaveLength(52);
    expect(statSync(join(dir, 'entra.json')).mtimeMs).toBe(mainBefore);
  });

  it('skips a torn last line (a crash mid-append): that save is lost whole, the rest survives', () => {
    const store = new EntraStore(dir, seed, now);
    store.data.refreshTokens.a = rt(1);
    store.save();
    appendFileSync(journalFile(), '{"m":"rt","k":"b","v":{"clientId"');
    const reopened = new EntraStore(dir, seed, now);
    expect(Object.keys(reopened.data.refreshTokens)).toEqual(['a']);
  });

  it('starts the journal over on reset', () => {
    const store = new EntraStore(dir, seed, now);
    store.data.refreshTokens.a = rt(1);
    store.save();
    store.reset();
    expect(lines()).toEqual([]);
    expect(new EntraStore(dir, seed, now).data.refreshTokens).toEqual({});
  });

  it('keeps the refresh tokens of an entra.json written before the journal existed', () => {
    const legacy = {
      version: 2,
      directory: seed(),
      codes: {},
      refreshTokens: { old: rt(3) },
      sessions: {},
      interactions: {},
    };
    writeFileSync(join(dir, 'entra.json'), JSON.stringify(legacy));
    const store = new EntraStore(dir, seed, now);
    expect(store.data.refreshTokens.old).toEqual(rt(3));
    store.data.codes.x = {} as never;
    delete store.data.codes.x;
    store.save();
    expect(new EntraStore(dir, seed, now).data.refreshTokens.old).toEqual(rt(3));
  });
});

describe('MapJournal', () => {
  it('compacts when dead lines outnumber the live records, losing nothing', () => {
    const file = join(dir, 'j.jsonl');
    const map: Record<string, { n: number }> = { a: { n: 0 }, b: { n: 0 } };
    const journal = () =>
      new MapJournal(
        file,
        [{ name: 'x', get: () => map, fingerprint: (v) => (v as { n: number }).n }],
        10,
      );
    const j = journal();
    j.sync();
    for (let i = 1; i <= 30; i++) {
      map.a!.n = i;
      j.sync();
      expect(j.length).toBeLessThanOrEqual(2 * 2 + 10 + 1);
    }
    const back: Record<string, { n: number }> = {};
    new MapJournal(file, [{ name: 'x', get: () => back }]).load();
    expect(back).toEqual({ a: { n: 30 }, b: { n: 0 } });
  });

  it('replays in order, last line wins', () => {
    const file = join(dir, 'j.jsonl');
    writeFileSync(
      file,
      [
        '{"m":"x","k":"a","v":1}',
        '{"m":"x","k":"a","v":2}',
        '{"m":"x","k":"b","v":3}',
        '{"m":"x","k":"b","d":1}',
      ].join('\n') + '\n',
    );
    const map: Record<string, unknown> = {};
    const j = new MapJournal(file, [{ name: 'x', get: () => map }]);
    expect(j.load()).toBe(4);
    expect(map).toEqual({ a: 2 });
  });
});
