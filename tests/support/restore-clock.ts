import { controlFor } from './control';
import { loadManifest } from './manifest';

// Integration test files share one local cloud. A file that moves the emulator's clock must not
// leave it moved for the next file, whose tokens would then be "not yet valid" by the machine's
// clock. Restoring it after every file keeps the files independent of their order.
const shared = controlFor(loadManifest());

afterAll(async () => {
  await shared.resetClock();
});
