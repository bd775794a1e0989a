/**
 * Median round trip of one Partner Center customer page (GET /v1/customers?size=500) against a
 * running local cloud, with a real App+User token from its Entra. Prints `{"medianMs": n}`. Run
 * by bench/fleet.ts as a child process with NODE_EXTRA_CA_CERTS set to the cloud's CA (the
 * token request goes through fetch, which trusts only CAs known at start).
 *
 *   NODE_EXTRA_CA_CERTS=<ca> npx tsx bench/partner-center-page-time.ts <manifest.json> [n]
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { Manifest } from '../tests/support/manifest';
import { userToken } from '../tests/integration/partner-center-tokens';

async function main() {
  const m = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Manifest;
  const n = Number(process.argv[3] ?? 7);
  const token = await userToken(m, 'partnerA', 'staff');
  const ca = readFileSync(m.ca);
  const url = new URL('/v1/customers?size=500', m.partnerCenter!.url);
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      const req = request(
        url,
        { ca, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => resolve(performance.now() - t0));
        },
      );
      req.on('error', reject);
      req.end();
    });
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await once());
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ medianMs: times[Math.floor(n / 2)] }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
