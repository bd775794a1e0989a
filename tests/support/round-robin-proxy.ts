import { createServer, request, type Server } from 'node:http';

export interface RoundRobinProxy {
  url: string;
  /** Requests forwarded to each target so far. */
  counts: number[];
  close(): Promise<void>;
}

/** Sends the request to this target (0-based) instead of the next one in turn; for tests. */
export const PIN_HEADER = 'x-fleet-instance';

/**
 * A load balancer in front of several portal instances, as App Service or Container Apps puts
 * one: every request goes to the next instance in turn, with no sticky sessions, so a browser's
 * consecutive requests (connect start, Entra's callback, sign-in, pages) land on different
 * instances. A request carrying `x-fleet-instance: <n>` goes to instance n.
 */
export async function startRoundRobinProxy(
  port: number,
  targets: string[],
): Promise<RoundRobinProxy> {
  let next = 0;
  const counts = targets.map(() => 0);
  const server: Server = createServer((req, res) => {
    const pinned = Number(req.headers[PIN_HEADER]);
    const index = Number.isInteger(pinned) && targets[pinned] ? pinned : next++ % targets.length;
    counts[index]!++;
    const target = new URL(req.url ?? '/', targets[index]);
    const upstream = request(
      target,
      { method: req.method, headers: { ...req.headers, 'x-forwarded-host': req.headers.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${port}`,
    counts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
