import { dirname } from 'node:path';
import { portalEnvFromManifest } from '../../scripts/emulator-env';
import {
  freePort,
  startEmulatorProcess,
  type EmulatorHandle,
} from '../../scripts/emulator-process';
import { controlFor, type Control } from './control';
import { createTestDatabase, type TestDatabase } from './test-database';
import { loadManifest } from './manifest';

/**
 * A local cloud of one test file's own, for tests that move the clock, remove vault roles, inject
 * faults or reset: in the run's shared cloud that would leak into the suites running beside them
 * (and their resets into this file). Its DATABASE_URL is a migrated database of its own
 * (tests/support/test-database.ts), dropped by stop(). It reuses the shared cloud's TLS folder, so the CA this jest
 * process already trusts (NODE_EXTRA_CA_CERTS) vouches for it too.
 */
export interface PrivateCloud extends EmulatorHandle {
  /** The portal's environment against this cloud, for child processes (see run-process.ts). */
  env: Record<string, string>;
  control: Control;
  database: TestDatabase;
  stop(): Promise<void>;
}

export async function startPrivateCloud(
  opts: { partners?: number; portalUrl?: string } = {},
): Promise<PrivateCloud> {
  // Without a portal URL no portal listens here: it only names the registered redirect URIs.
  const portalUrl = opts.portalUrl ?? `http://localhost:${await freePort()}`;
  const cloud = await startEmulatorProcess({
    portalUrl,
    partners: opts.partners,
    reuseTlsDir: dirname(loadManifest().ca),
  });
  const database = await createTestDatabase().catch((e: unknown) => {
    cloud.stop();
    throw e;
  });
  return {
    ...cloud,
    env: {
      ...portalEnvFromManifest(cloud.manifest, cloud.manifestPath, portalUrl),
      DATABASE_URL: database.url,
    },
    control: controlFor(cloud.manifest),
    database,
    async stop() {
      cloud.stop();
      await database.drop();
    },
  };
}
