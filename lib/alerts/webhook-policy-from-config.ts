import 'server-only';
import type { Env } from '@/lib/config';
import { refuseAddress, type WebhookPolicy } from './webhook-address-policy';

/**
 * Loopback webhooks are allowed only when the portal's own cloud is on loopback: when the
 * configured Entra authority is `https://localhost…` or `https://127.0.0.1…`, which is the
 * local Microsoft cloud of the demo and the tests. Decided from configuration, the same code in
 * every deployment; a real deployment's authority (login.microsoftonline.com) never allows it.
 */
export function webhookPolicyFromConfig(config: Pick<Env, 'ENTRA_AUTHORITY_HOST'>): WebhookPolicy {
  const host = new URL(config.ENTRA_AUTHORITY_HOST).hostname;
  const loopback =
    host === 'localhost' || refuseAddress(host, { allowLoopback: false }) === 'loopback';
  return { allowLoopback: loopback };
}
