import ipaddr from 'ipaddr.js';
import { WebhookError } from './webhook-error';

/**
 * Where the portal may send a webhook. Only public unicast addresses: a webhook URL is typed by
 * a partner admin, so without this the portal could be made to POST to its own network, to the
 * cloud's metadata service (169.254.169.254, Azure's 168.63.129.16) or to anything on loopback.
 * The one exception is loopback when `allowLoopback` is set, which the caller derives from the
 * configuration (the local cloud's own endpoints are on loopback; see webhookPolicyFromConfig).
 */
export interface WebhookPolicy {
  allowLoopback: boolean;
}

/** Public-looking addresses that are the cloud's own services. */
const METADATA_ADDRESSES = new Set(
  ['169.254.169.254', '168.63.129.16', '100.100.100.200', 'fd00:ec2::254'].map((a) =>
    ipaddr.process(a).toString(),
  ),
);

export type AddressRefusal =
  'invalid' | 'metadata' | 'loopback' | 'private' | 'link_local' | 'reserved';

/** Null when the portal may connect to `address` (an IP literal), else why not. */
export function refuseAddress(address: string, policy: WebhookPolicy): AddressRefusal | null {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return 'invalid';
  // process() turns IPv4-mapped IPv6 (::ffff:10.0.0.1) into the IPv4 address it stands for.
  const ip = ipaddr.process(bare);
  if (METADATA_ADDRESSES.has(ip.toString())) return 'metadata';
  const range = ip.range();
  if (range === 'unicast') return null;
  if (range === 'loopback') return policy.allowLoopback ? null : 'loopback';
  if (range === 'private' || range === 'uniqueLocal' || range === 'carrierGradeNat')
    return 'private';
  if (range === 'linkLocal') return 'link_local';
  // Unspecified, broadcast, multicast, documentation, benchmarking, and the IPv6 transition
  // ranges (6to4, Teredo, NAT64) that can embed an IPv4 address of any kind.
  return 'reserved';
}

export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ''));
}

const MAX_URL_LENGTH = 2048;

/**
 * Parses a webhook address and applies the checks that need no DNS: https only, no user info,
 * and, for an IP literal or a `localhost` name, the address policy. The DNS answer is checked
 * at connection time (sendWebhook), for every address, so a name cannot point inside later.
 */
export function parseWebhookUrl(raw: string, policy: WebhookPolicy): URL {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH)
    throw new WebhookError('webhook_invalid_url');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new WebhookError('webhook_invalid_url');
  }
  if (url.protocol !== 'https:') throw new WebhookError('webhook_not_https');
  if (url.username || url.password) throw new WebhookError('webhook_credentials_in_url');
  const host = url.hostname.toLowerCase();
  if (!host) throw new WebhookError('webhook_invalid_url');
  if (isIpLiteral(host)) {
    if (refuseAddress(host, policy)) throw new WebhookError('webhook_address_refused');
  } else if ((host === 'localhost' || host.endsWith('.localhost')) && !policy.allowLoopback) {
    throw new WebhookError('webhook_address_refused');
  }
  return url;
}
