import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  isIpLiteral,
  parseWebhookUrl,
  refuseAddress,
  type WebhookPolicy,
} from './webhook-address-policy';
import { WebhookError } from './webhook-error';

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface SendOptions extends WebhookPolicy {
  timeoutMs?: number;
  /** DNS resolver (tests substitute one); the default is the system's, as every Node client uses. */
  resolve?: typeof dnsLookup;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs one signed webhook body. The host name is resolved by a lookup hook on the connection
 * itself, and every address in the answer must pass the address policy before the socket
 * connects to it: checking first and connecting later would let a DNS answer change in between.
 * Redirects are not followed (a 3xx could point anywhere), and the response body is discarded.
 *
 * @returns the receiver's HTTP status (2xx).
 * @throws WebhookError with a code for every refusal and failure; never the URL.
 */
export async function sendWebhook(req: WebhookRequest, options: SendOptions): Promise<number> {
  const url = parseWebhookUrl(req.url, options);
  const resolve = options.resolve ?? dnsLookup;
  let refused = false;

  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname, { ...lookupOptions, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (addresses.length === 0 || addresses.some((a) => refuseAddress(a.address, options))) {
        refused = true;
        return callback(new WebhookError('webhook_address_refused'), '', 0);
      }
      if (lookupOptions.all) return (callback as AllCallback)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };

  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise<number>((resolvePromise, reject) => {
    const fail = (e: WebhookError) => reject(e);
    const r = request(
      {
        method: 'POST',
        host: hostname,
        port: url.port || 443,
        path: `${url.pathname}${url.search}`,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(req.body)),
          'user-agent': 'partner-portal-alerts/1',
          ...req.headers,
        },
        // An IP literal is checked by parseWebhookUrl; Node skips the lookup for it.
        lookup: isIpLiteral(hostname) ? undefined : guardedLookup,
        timeout: options.timeoutMs ?? 10_000,
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > MAX_RESPONSE_BYTES) res.destroy();
        });
        res.on('error', () => undefined);
        res.resume();
        if (status >= 200 && status < 300) resolvePromise(status);
        else if (status >= 300 && status < 400)
          fail(new WebhookError('webhook_redirect_refused', status));
        else fail(new WebhookError('webhook_http_error', status));
      },
    );
    r.on('timeout', () => r.destroy(new WebhookError('webhook_timeout')));
    r.on('error', (e: NodeJS.ErrnoException) => {
      if (e instanceof WebhookError) return fail(e);
      if (refused) return fail(new WebhookError('webhook_address_refused'));
      fail(classifyNetworkError(e));
    });
    r.end(req.body);
  });
}

type AllCallback = (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;

function classifyNetworkError(e: NodeJS.ErrnoException): WebhookError {
  const code = e.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new WebhookError('webhook_dns_failed', undefined, { cause: e });
  if (code.startsWith('ERR_TLS') || /CERT|SSL|SELF_SIGNED/.test(code))
    return new WebhookError('webhook_tls_failed', undefined, { cause: e });
  return new WebhookError('webhook_unreachable', undefined, { cause: e });
}
