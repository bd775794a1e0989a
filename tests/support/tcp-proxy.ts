import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of the test database server, so a test can make the database
 * unreachable (stop) and reachable again (start) on the same port, mid-run, without touching the
 * server other test files share.
 */
export interface TcpProxy {
  port: number;
  start(): Promise<void>;
  /** Closes the listener and cuts every open connection, as a database outage does. */
  stop(): Promise<void>;
}

export async function createTcpProxy(
  targetHost: string,
  targetPort: number,
  port = 0,
): Promise<TcpProxy> {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let boundPort = port;
  const listen = () =>
    new Promise<void>((done, fail) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, targetHost);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      server.once('error', fail);
      server.listen(boundPort, '127.0.0.1', () => {
        boundPort = (server!.address() as { port: number }).port;
        done();
      });
    });
  await listen();
  return {
    get port() {
      return boundPort;
    },
    start: listen,
    async stop() {
      for (const s of sockets) s.destroy();
      sockets.clear();
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
      server = undefined;
    },
  };
}
