import 'server-only';
import { SecretClient } from '@azure/keyvault-secrets';
import { getConfig } from '@/lib/config';
import { createVaultCredential } from './create-vault-credential';

let client: SecretClient | undefined;

/**
 * The process-wide SecretClient. One instance, so the credential's token and the Key Vault
 * challenge state are cached across requests. Retries are kept short: a page waits on these.
 */
export function getSecretClient(): SecretClient {
  if (client) return client;
  const config = getConfig();
  client = new SecretClient(config.KEY_VAULT_URL, createVaultCredential(config), {
    disableChallengeResourceVerification: config.KEY_VAULT_DISABLE_CHALLENGE_RESOURCE_VERIFICATION,
    retryOptions: { maxRetries: 2, retryDelayInMs: 300, maxRetryDelayInMs: 3000 },
  });
  return client;
}

/** Test hook: build a new client from the current configuration. */
export function resetSecretClientForTests(): void {
  client = undefined;
}
