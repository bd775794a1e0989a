import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startEmulatorProcess, type EmulatorHandle } from '../../scripts/emulator-process';
import type { FaultSpec } from '../../emulator/core/faults';
import { loadManifest, type Manifest } from '../support/manifest';

/**
 * A local cloud of this test file's own, for tests that remove vault roles, inject faults, move
 * the clock or reset: in the run's shared cloud that would break suites running in parallel (and
 * their resets would break ours). It reuses the shared cloud's TLS folder, so the CA this jest
 * process already trusts (NODE_EXTRA_CA_CERTS) vouches for it too.
 */
export interface PrivateCloud {
  m: Manifest;
  control: {
    reset(): Promise<unknown>;
    advanceClock(by: { days?: number; seconds?: number }): Promise<unknown>;
    addFault(spec: FaultSpec): Promise<unknown>;
    clearFaults(): Promise<unknown>;
    call(method: string, path: string, body?: unknown): Promise<unknown>;
  };
  stop(): void;
}

export async function startPrivateCloud(opts: { customers?: number } = {}): Promise<PrivateCloud> {
  const shared = loadManifest();
  const stateDir = mkdtempSync(join(tmpdir(), 'kvpc-cloud-'));
  cpSync(dirname(shared.ca), join(stateDir, 'tls'), { recursive: true });
  let handle: EmulatorHandle;
  try {
    handle = await startEmulatorProcess({ stateDir, portalUrl: 'http://localhost:3999', ...(opts.customers ? { customers: opts.customers } : {}) });
  } catch (e) {
    rmSync(stateDir, { recursive: true, force: true });
    throw e;
  }
  const m = handle.manifest;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${m.control.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`control ${method} ${path} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    m,
    control: {
      call,
      reset: () => call('POST', '/reset'),
      advanceClock: (by) => call('POST', '/clock/advance', by),
      addFault: (spec) => call('POST', '/faults', spec),
      clearFaults: () => call('DELETE', '/faults'),
    },
    stop: () => {
      handle.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
