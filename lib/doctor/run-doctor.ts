import 'server-only';
import { getTokenBroker } from '@/lib/tokens';
import { checkClientCredential } from './check-client-credential';
import { checkDatabase } from './check-database';
import { listConnections, checkTokenReadable } from './check-connections';
import { checkDiscovery } from './check-discovery';
import { checkEnv } from './check-env';
import { checkKeyVault } from './check-key-vault';
import { checkGraphGdap } from './check-graph-gdap';
import { checkPartnerCenter } from './check-partner-center';
import { checkRedirectUri, portalRedirectUris } from './check-redirect-uri';
import { fail, skipped, type CheckResult } from './check-result';
import { describeError } from './describe-error';

/** How many connections are checked at once: polite to Entra and Partner Center, quick for a CPV. */
const CONNECTION_CONCURRENCY = 4;

/**
 * Every check, in the order a deployment is built (settings, Entra, app registration, database,
 * Key Vault, connections), each reported as soon as it is done. A check whose prerequisite failed is
 * reported as skipped rather than failing a second time for the same reason.
 */
export async function runDoctor(
  env: Record<string, string | undefined>,
  report: (r: CheckResult) => void,
): Promise<CheckResult[]> {
  const all: CheckResult[] = [];
  const emit = (r: CheckResult) => {
    all.push(r);
    report(r);
    return r;
  };

  const { results, config } = checkEnv(env);
  results.forEach(emit);
  if (!config) return all;

  const { result: discoveryResult, discovery } = await checkDiscovery(config);
  emit(discoveryResult);
  if (discovery) {
    emit(await guard('client-credential', () => checkClientCredential(config)));
    for (const { name, uri } of portalRedirectUris(config))
      emit(await guard(name, () => checkRedirectUri(name, uri, config, discovery)));
  } else {
    emit(skipped('client-credential', 'discovery'));
    for (const { name } of portalRedirectUris(config)) emit(skipped(name, 'discovery'));
  }

  (await checkDatabase(config)).forEach(emit);

  const vault = emit(await guard('key-vault', () => checkKeyVault(config)));
  if (vault.status === 'fail') {
    emit(skipped('connections', 'key-vault'));
    return all;
  }
  const { result: listed, connections = [] } = await listConnections(config);
  emit(listed);
  const entraWorks = all.find((r) => r.name === 'client-credential')?.status === 'ok';

  const perConnection = await mapInOrder(connections, CONNECTION_CONCURRENCY, async (c) => {
    const pc = `partner-center:${c.tenantId}`;
    const gdap = `graph-gdap:${c.tenantId}`;
    const token = await guard(`token:${c.tenantId}`, () => checkTokenReadable(c));
    if (token.status === 'fail') return [token, skipped(pc, token.name), skipped(gdap, token.name)];
    if (!entraWorks)
      return [token, skipped(pc, 'client-credential'), skipped(gdap, 'client-credential')];
    const partnerCenter = await guard(pc, () => checkPartnerCenter(c.tenantId));
    return [token, partnerCenter, await guard(gdap, () => checkGraphGdap(c.tenantId))];
  });
  perConnection.flat().forEach(emit);
  // Redemptions may have started a write-back of the rotated refresh token; let it finish.
  if (connections.length) await getTokenBroker().idle();
  return all;
}

/** A check that throws (a bug, not a finding) still yields its line, and the others still run. */
async function guard(name: string, check: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await check();
  } catch (e) {
    return fail(
      name,
      `the check itself failed: ${describeError(e)}`,
      'report this with the line above; the other checks are unaffected',
    );
  }
}

/** `fn` over `items` with at most `limit` running at once; results keep the items' order. */
async function mapInOrder<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
