import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  non2xx: number;
  /** Every response's latency, sorted (for combining several runs' percentiles exactly). */
  latencies: number[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Closed-loop load with autocannon at a fixed concurrency. Latencies are collected per response
 * so the p95 is exact (autocannon's summary has p90 and p97.5 but no p95).
 */
export async function load(
  url: string,
  opts: { connections: number; seconds: number; cookie?: string },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: opts.connections,
        duration: opts.seconds,
        headers: opts.cookie ? { cookie: opts.cookie } : {},
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    non2xx: result.non2xx,
    latencies,
  };
}

/**
 * Several pages measured in turns: `rounds` rounds, each giving every page `seconds / rounds` in
 * the same order. On a machine shared with other work, a burst of load elsewhere then lands on
 * every page about equally instead of on whichever page was being measured, so ratios between
 * the pages hold up better than with one long run each. Throughput is the mean over the rounds;
 * percentiles are over every response of every round.
 */
export async function loadInTurns(
  targets: ReadonlyArray<{ url: string; cookie?: string }>,
  opts: { connections: number; seconds: number; rounds: number },
): Promise<LoadResult[]> {
  const runs: LoadResult[][] = targets.map(() => []);
  const slice = Math.max(1, Math.round(opts.seconds / opts.rounds));
  for (let round = 0; round < opts.rounds; round++) {
    for (const [i, t] of targets.entries()) {
      runs[i]!.push(
        await load(t.url, { connections: opts.connections, seconds: slice, cookie: t.cookie }),
      );
    }
  }
  return runs.map((rs) => {
    const latencies = rs.flatMap((r) => r.latencies).sort((a, b) => a - b);
    return {
      rps: rs.reduce((n, r) => n + r.rps, 0) / rs.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      latencies,
    };
  });
}
