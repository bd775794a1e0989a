/**
 * What Entra's state costs to persist while an access sync redeems the partner's refresh token
 * once per customer (each redemption adds a refresh token and touches the used one, then saves).
 *
 *   npx tsx bench/emulator-state-writes.ts [--customers 2500]
 *
 * Two runs over the same sequence of changes, on this machine's disk:
 *   - whole file: the state rewritten atomically (temp file, fsync, rename) on every save, as the
 *     emulator did before the journal;
 *   - journal: EntraStore as it is, appending the changed records to entra-journal.jsonl and
 *     rewriting the small entra.json only when it changed.
 * Reports total time, time per save and bytes written, and the ratio. Then reopens the journaled
 * store from disk and checks every refresh token came back.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeJsonAtomic } from '../emulator/core/state-file';
import { seedRegistrations } from '../emulator/directory/seed';
import { seedDirectoryState } from '../emulator/directory/seed-state';
import { hashSecret, newRefreshToken } from '../emulator/entra/state/secrets';
import { EntraStore } from '../emulator/entra/state/store';
import type { EntraState, RefreshTokenRecord } from '../emulator/entra/state/types';

const { values } = parseArgs({ options: { customers: { type: 'string', default: '2500' } } });
const N = Number(values.customers);
const seed = () => seedDirectoryState(seedRegistrations('http://localhost:3000'), Date.now());

function record(now: number): RefreshTokenRecord {
  return {
    clientId: '01f0bb9e-d572-4a75-b606-61d4653d9b7c',
    tenantId: '385ecd4d-9b53-42c5-afa6-4fd1d0685c2e',
    userOid: '9cec40e1-8c0e-4dd0-b9a3-b8dc9bb26805',
    amr: ['pwd', 'mfa'],
    authTime: now,
    sid: 'b1c2d3e4-0000-4000-8000-000000000000',
    issuedAt: now,
    lastUsedAt: now,
  };
}

/** One redemption: the stored token is touched and a new one is added. */
function redeem(state: EntraState, storedKey: string): void {
  const now = Date.now();
  state.refreshTokens[storedKey]!.lastUsedAt = now;
  state.refreshTokens[hashSecret(newRefreshToken())] = record(now);
}

function wholeFile(dir: string): { ms: number; bytes: number } {
  const file = join(dir, 'entra.json');
  const state: EntraState = {
    version: 2,
    directory: seed(),
    codes: {},
    refreshTokens: {},
    sessions: {},
    interactions: {},
  };
  const stored = hashSecret(newRefreshToken());
  state.refreshTokens[stored] = record(Date.now());
  let bytes = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    redeem(state, stored);
    writeJsonAtomic(file, state);
    bytes += statSync(file).size;
  }
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes };
}

function journal(dir: string): { ms: number; bytes: number; tokens: number; reopened: number } {
  const store = new EntraStore(dir, seed, () => Date.now());
  const stored = hashSecret(newRefreshToken());
  store.data.refreshTokens[stored] = record(Date.now());
  store.save();
  const size = () =>
    statSync(join(dir, 'entra.json')).size + statSync(join(dir, 'entra-journal.jsonl')).size;
  let bytes = 0;
  let before = size();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    redeem(store.data, stored);
    store.save();
    const after = size();
    // Appends grow the journal; a rewrite (entra.json, or a compaction) writes the whole file.
    bytes += after >= before ? after - before : after;
    before = after;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const tokens = Object.keys(store.data.refreshTokens).length;
  const reopened = Object.keys(
    new EntraStore(dir, seed, () => Date.now()).data.refreshTokens,
  ).length;
  return { ms, bytes, tokens, reopened };
}

const dirA = mkdtempSync(join(tmpdir(), 'state-bench-whole-'));
const dirB = mkdtempSync(join(tmpdir(), 'state-bench-journal-'));
try {
  const a = wholeFile(dirA);
  const b = journal(dirB);
  const mb = (n: number) => (n / 1e6).toFixed(1);
  console.log(`Entra state writes for ${N} refresh-token redemptions (one save each)`);
  console.log(
    `  whole file : ${a.ms.toFixed(0)} ms total, ${(a.ms / N).toFixed(2)} ms/save, ${mb(a.bytes)} MB written, final entra.json ${mb(statSync(join(dirA, 'entra.json')).size)} MB`,
  );
  console.log(
    `  journal    : ${b.ms.toFixed(0)} ms total, ${(b.ms / N).toFixed(2)} ms/save, ${mb(b.bytes)} MB written, journal ${mb(readFileSync(join(dirB, 'entra-journal.jsonl')).length)} MB`,
  );
  console.log(
    `  speed-up   : ${(a.ms / b.ms).toFixed(1)}x time, ${(a.bytes / b.bytes).toFixed(0)}x fewer bytes`,
  );
  console.log(`  reopened   : ${b.reopened} of ${b.tokens} refresh tokens back from disk`);
  if (b.reopened !== b.tokens) process.exitCode = 1;
} finally {
  rmSync(dirA, { recursive: true, force: true });
  rmSync(dirB, { recursive: true, force: true });
}
