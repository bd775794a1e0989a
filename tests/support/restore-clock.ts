import { loadManifest } from './manifest';

// Integration test files share one local cloud. A file that moves the emulator's clock must not
// leave it moved for the next file, whose tokens would then be "not yet valid" by the machine's
// clock. Restoring it after every file keeps the files independent of their order. The control
// URL is read before the file runs: some files point EMULATOR_MANIFEST at a private cloud of
// their own while they run.
const sharedControl = loadManifest().control.url;

afterAll(async () => {
  const res = await fetch(`${sharedControl}/clock/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`could not restore the emulator clock: ${res.status}`);
});
