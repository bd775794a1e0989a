import type { Control } from '../tests/support/control';
import { seededTenants, seededUser, type Manifest } from '../tests/support/manifest';
import { signInStaff } from '../tests/support/portal-http-session';
import { load, type LoadResult } from './load';

export interface ConnectionsViewResult {
  partners: number;
  /** The first render: walks every page of Key Vault's secret list. */
  coldMs: number;
  coldListPages: number;
  /** One request at a time after the first: the median render from the cached listing. */
  sequentialMedianMs: number;
  warm: LoadResult;
  /** Key Vault list pages requested during the warm phase (0: served from the cached listing). */
  warmListPages: number;
}

const listPages = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([k]) => k.startsWith('keyvault GET /secrets '))
    .reduce((n, [, v]) => n + v, 0);

/**
 * The operator's connections table over the fleet the bench's cloud was seeded with
 * (`--partners`): the first render, which walks Key Vault's secret pages, then warm renders of
 * the default view at concurrency 16, with the Key Vault list requests each phase cost.
 */
export async function benchConnectionsView(
  portal: string,
  manifest: Manifest,
  control: Control,
  seconds: number,
): Promise<ConnectionsViewResult> {
  const operator = seededUser(seededTenants(manifest).home, 'operator');
  const cookie = await signInStaff(portal, operator);
  await control.resetStats();
  const t0 = performance.now();
  const first = await fetch(`${portal}/connections`, { headers: { cookie }, redirect: 'manual' });
  await first.text();
  if (first.status !== 200) throw new Error(`/connections answered ${first.status}`);
  const coldMs = performance.now() - t0;
  const coldListPages = listPages(await control.stats());

  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    await (await fetch(`${portal}/connections`, { headers: { cookie } })).text();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const sequentialMedianMs = times[Math.floor(times.length / 2)]!;

  await control.resetStats();
  const warm = await load(`${portal}/connections`, { connections: 16, seconds, cookie });
  return {
    partners: manifest.fleet?.partners.length ?? 0,
    coldMs,
    coldListPages,
    sequentialMedianMs,
    warm,
    warmListPages: listPages(await control.stats()),
  };
}
