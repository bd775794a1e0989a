import { dirname } from 'node:path';
import { portalEnvFromManifest } from '../../scripts/emulator-env';
import {
  freePort,
  startEmulatorProcess,
  type EmulatorHandle,
} from '../../scripts/emulator-process';
import { controlFor, type Control } from './control';
import { loadManifest } from './manifest';

/**
 * A local cloud of one test file's own, for tests that move the clock, remove vault roles, inject
 * faults or reset: in the run's shared cloud that would leak into the suites running beside them
 * (and their resets into this file). It reuses the shared cloud's TLS folder, so the CA this jest
 * process already trusts (NODE_EXTRA_CA_CERTS) vouches for it too.
 */
export interface PrivateCloud extends EmulatorHandle {
  /** The portal's environment against this cloud, for child processes (see run-process.ts). */
  env: Record<string, string>;
  control: Control;
}

export async function startPrivateCloud(): Promise<PrivateCloud> {
  // No portal listens here: the URL only names the redirect URIs registered in this cloud.
  const portalUrl = `http://localhost:${await freePort()}`;
  const cloud = await startEmulatorProcess({ portalUrl, reuseTlsDir: dirname(loadManifest().ca) });
  return {
    ...cloud,
    env: portalEnvFromManifest(cloud.manifest, cloud.manifestPath, portalUrl),
    control: controlFor(cloud.manifest),
  };
}
