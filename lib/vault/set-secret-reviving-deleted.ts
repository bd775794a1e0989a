import 'server-only';
import type { KeyVaultSecret, SecretClient, SetSecretOptions } from '@azure/keyvault-secrets';
import { log } from '@/lib/log';

const ATTEMPTS = 6;
const WAIT_MS = 500;

/**
 * `setSecret`, but a name that was soft-deleted (a disconnect) does not end in a 409: the deleted
 * secret is recovered first, keeping its version history, and the new value is written on top.
 * Purging instead would erase the history and needs a permission the portal should not hold.
 * A delete still in progress (also 409, or a 404 on recover) is waited out briefly.
 */
export async function setSecretRevivingDeleted(
  client: SecretClient,
  name: string,
  value: string,
  options: SetSecretOptions,
  /** Told when the name was soft-deleted and had to be recovered first (a reconnect after a disconnect). */
  onRecovered?: () => void,
): Promise<KeyVaultSecret> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.setSecret(name, value, options);
    } catch (e) {
      if (statusOf(e) !== 409 || attempt >= ATTEMPTS) throw e;
    }
    log.info(
      { event: 'vault_secret_recover', tenantId: name, attempt },
      'secret is soft-deleted; recovering before writing',
    );
    try {
      const poller = await client.beginRecoverDeletedSecret(name, { intervalInMs: WAIT_MS });
      await poller.pollUntilDone();
      onRecovered?.();
    } catch (e) {
      // 404: not yet listed as deleted; 409: still being deleted. Both settle within seconds.
      const status = statusOf(e);
      if (status !== 404 && status !== 409) throw e;
      await new Promise((r) => setTimeout(r, WAIT_MS));
    }
  }
}

function statusOf(e: unknown): number | undefined {
  return (e as { statusCode?: number } | null)?.statusCode;
}
