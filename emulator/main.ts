/**
 * The local Microsoft cloud: Entra ID, Key Vault, Partner Center and Microsoft Graph emulators in
 * one process.
 *
 *   npm run emulator -- [--state-dir .emulator] [--port 8440] [--reset] [--customers 2500]
 *                       [--partners 0] [--portal-url http://localhost:3000]
 *
 * `--partners N` seeds N more partner tenants already connected, in a mix of health states
 * (emulator/seed/partner-fleet.ts), for the operator's view and its benchmark.
 *
 * It writes `<state-dir>/manifest.json` once every listener is up; tools wait for that file.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Clock } from './core/clock';
import { startEmulator } from './core/start';

const { values } = parseArgs({
  options: {
    'state-dir': { type: 'string', default: process.env.EMULATOR_STATE_DIR ?? '.emulator' },
    port: { type: 'string', default: process.env.EMULATOR_PORT ?? '8440' },
    reset: { type: 'boolean', default: false },
    customers: { type: 'string', default: process.env.EMULATOR_CUSTOMERS ?? '2500' },
    partners: { type: 'string', default: '0' },
    'portal-url': { type: 'string', default: process.env.PORTAL_URL ?? 'http://localhost:3000' },
  },
});

const stateDir = resolve(values['state-dir']);
if (values.reset) {
  // Keep the CA so browsers and shells that already trust it keep working.
  for (const f of [
    'entra.json',
    'keyvault.json',
    'partner-center.json',
    'graph.json',
    'entra-journal.jsonl',
    'clock.json',
    'manifest.json',
  ]) {
    rmSync(join(stateDir, f), { force: true });
  }
  new Clock(join(stateDir, 'clock.json')).reset();
}

startEmulator({
  stateDir,
  basePort: Number(values.port),
  customerScale: Number(values.customers),
  partners: parsePartners(values.partners),
  portalUrl: values['portal-url'],
})
  .then(({ manifestPath, manifest }) => {
    console.log(`local Microsoft cloud ready`);
    console.log(
      `  Entra ID        ${manifest.entra.authorityHost} (pages: ${manifest.entra.browserHost})`,
    );
    if (manifest.keyVault) console.log(`  Key Vault       ${manifest.keyVault.url}`);
    if (manifest.partnerCenter) console.log(`  Partner Center  ${manifest.partnerCenter.url}`);
    if (manifest.graph) console.log(`  Microsoft Graph ${manifest.graph.url}`);
    console.log(`  control API     ${manifest.control.url}`);
    console.log(`  manifest        ${manifestPath}`);
  })
  .catch((e: unknown) => {
    console.error('emulator failed to start:', e instanceof Error ? e.message : e);
    process.exit(2);
  });

/** 0–5000 whole partners; anything else stops the emulator with a clear message. */
function parsePartners(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 5000) {
    console.error(`--partners must be a whole number from 0 to 5000 (got "${value}")`);
    process.exit(64);
  }
  return n;
}
