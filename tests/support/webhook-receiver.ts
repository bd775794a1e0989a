import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
  type SignatureCheck,
} from '../../lib/alerts/webhook-signature';
import { loadManifest } from './manifest';

export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
  /** The receiver's own check of the signature and timestamp, as a real receiver does it. */
  signature: SignatureCheck;
  deliveryId: string | undefined;
  event: string | undefined;
  /** What this receiver answered. */
  status: number;
}

export interface WebhookReceiver {
  /** https://localhost:<port><path>: loopback, served with the local cloud's certificate. */
  url(path?: string): string;
  /** Every request, in arrival order, including the ones answered with a failure. */
  received: ReceivedDelivery[];
  /** Only the requests it accepted (2xx). */
  accepted(): ReceivedDelivery[];
  /** Answer the next `n` requests with `status` (503 by default) before accepting again. */
  failNext(n: number, status?: number): void;
  /** Answer the next request with a redirect to `location`. */
  redirectNext(location: string): void;
  /** Resolves when `count` requests were accepted; rejects after `timeoutMs`. */
  waitForAccepted(count: number, timeoutMs?: number): Promise<ReceivedDelivery[]>;
  close(): Promise<void>;
}

/**
 * A webhook receiver for tests: HTTPS on loopback with the local cloud's server certificate
 * (the CA every test process trusts through NODE_EXTRA_CA_CERTS), verifying each request's
 * signature with `secret` and refusing a bad or stale one with 401, as a real receiver would.
 * The portal reaches it only because its configuration points at the local cloud (loopback
 * is allowed then, and only then).
 */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const tls = dirname(loadManifest().ca);
  const received: ReceivedDelivery[] = [];
  let failures: { left: number; status: number } = { left: 0, status: 503 };
  let redirect: string | undefined;
  const waiters = new Set<() => void>();

  const server = createServer(
    {
      cert: readFileSync(join(tls, 'server.pem')),
      key: readFileSync(join(tls, 'server-key.pem')),
    },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => {
          const v = req.headers[name];
          return Array.isArray(v) ? v[0] : v;
        };
        const signature = verifyWebhookSignature({
          secret,
          body,
          timestamp: header(TIMESTAMP_HEADER),
          signature: header(SIGNATURE_HEADER),
        });
        let status = 200;
        if (redirect) status = 302;
        else if (failures.left > 0) {
          failures.left--;
          status = failures.status;
        } else if (!signature.ok) status = 401;
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(body) as Record<string, unknown>;
        } catch {
          // Recorded as received; the test sees an empty object.
        }
        received.push({
          path: req.url ?? '',
          headers: req.headers,
          body,
          json,
          signature,
          deliveryId: header(DELIVERY_HEADER),
          event: header(EVENT_HEADER),
          status,
        });
        if (status === 302) {
          res.writeHead(302, { location: redirect });
          redirect = undefined;
          res.end();
        } else {
          res.writeHead(status, { 'content-type': 'text/plain' });
          res.end(status === 200 ? 'ok' : 'no');
        }
        for (const w of waiters) w();
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const accepted = () => received.filter((r) => r.status >= 200 && r.status < 300);

  return {
    url: (path = '/hook') => `https://localhost:${port}${path}`,
    received,
    accepted,
    failNext(n, status = 503) {
      failures = { left: n, status };
    },
    redirectNext(location) {
      redirect = location;
    },
    waitForAccepted(count, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (accepted().length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(accepted());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `webhook receiver: ${accepted().length} of ${count} deliveries accepted after ${timeoutMs} ms (${received.length} received)`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
