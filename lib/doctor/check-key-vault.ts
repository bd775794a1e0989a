import 'server-only';
import { randomBytes } from 'node:crypto';
import type { SecretClient } from '@azure/keyvault-secrets';
import type { Env } from '@/lib/config/schema';
import { getSecretClient } from '@/lib/vault/get-secret-client';
import { toVaultError } from '@/lib/vault/to-vault-error';
import type { VaultErrorCode } from '@/lib/vault/vault-error';
import { fail, ok, warn, type CheckResult } from './check-result';
import { describeError } from './describe-error';

const NAME = 'key-vault';

function fixFor(code: VaultErrorCode, config: Env): string {
  const who =
    config.KEY_VAULT_CREDENTIAL === 'app'
      ? `the app ${config.ENTRA_CLIENT_ID}'s service principal`
      : "the portal's managed identity";
  switch (code) {
    case 'vault_forbidden':
      return `give ${who} the role Key Vault Secrets Officer on the vault (docs/deploy-azure.md step 7.2; allow 10 minutes), and check the vault's firewall`;
    case 'vault_unreachable':
      return `check KEY_VAULT_URL (${config.KEY_VAULT_URL}), DNS and network access to it from this host`;
    case 'vault_credential_failed':
      return config.KEY_VAULT_CREDENTIAL === 'app'
        ? 'the app credential was refused; fix client-credential first'
        : 'no identity was found: turn on the managed identity (step 7.2) or set the AZURE_* variables (step 7.3)';
    default:
      return config.KEY_VAULT_CREDENTIAL === 'app'
        ? "Key Vault is reached with the app's own credential (KEY_VAULT_CREDENTIAL=app): fix client-credential first"
        : 'see the message; docs/deploy-azure.md step 6';
  }
}

/**
 * What the portal does with its vault, done once with a throw-away secret through the portal's
 * own SecretClient (same credential, same options): list, set, get, delete, purge. The probe's
 * name is not a tenant id, so the refresh-token store never mistakes it for a connection.
 */
export async function checkKeyVault(config: Env): Promise<CheckResult> {
  const client = getSecretClient();
  const name = `portal-doctor-probe-${randomBytes(6).toString('hex')}`;
  const value = randomBytes(24).toString('base64url');
  let step = 'list';
  let written = false;
  try {
    await client.listPropertiesOfSecrets().byPage({ maxPageSize: 1 }).next();
    step = 'set';
    await client.setSecret(name, value, { tags: { purpose: 'portal-doctor-probe' } });
    written = true;
    step = 'get';
    const read = await client.getSecret(name);
    if (read.value !== value)
      return fail(
        NAME,
        'the probe secret read back differs from what was written',
        'check that KEY_VAULT_URL is the vault itself, not a proxy or cache',
      );
    step = 'delete';
    const poller = await client.beginDeleteSecret(name, { intervalInMs: 500 });
    await poller.pollUntilDone();
  } catch (e) {
    const error = toVaultError(e);
    if (written) await bestEffortDelete(client, name);
    return fail(
      NAME,
      `${step} failed at ${config.KEY_VAULT_URL}: ${error.code} (${describeError(e)})`,
      fixFor(error.code, config),
    );
  }
  try {
    await client.purgeDeletedSecret(name);
  } catch (e) {
    return warn(
      NAME,
      `list, set, get and delete work; purging the probe ${name} failed (${describeError(e)})`,
      'harmless with purge protection on: the deleted probe disappears when the retention period ends',
    );
  }
  return ok(
    NAME,
    `list, set, get, delete and purge of a probe secret work at ${config.KEY_VAULT_URL}`,
  );
}

async function bestEffortDelete(client: SecretClient, name: string): Promise<void> {
  try {
    await (await client.beginDeleteSecret(name, { intervalInMs: 500 })).pollUntilDone();
    await client.purgeDeletedSecret(name);
  } catch {
    // The failing check already explains the problem; a leftover probe is harmless.
  }
}
