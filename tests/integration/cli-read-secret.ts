/**
 * Prints a partner tenant's latest refresh-token secret as JSON `{ version, value }`, read with
 * the unmodified SecretClient as the portal's own identity. A child process of the CLI tests, so
 * it trusts the private cloud's CA; the value is only compared by the test, never logged.
 *
 *   tsx --conditions=react-server tests/integration/cli-read-secret.ts <tenant-id>
 */
import { getSecretClient } from '@/lib/vault/get-secret-client';

async function main(): Promise<void> {
  const secret = await getSecretClient().getSecret(process.argv[2]!.toLowerCase());
  process.stdout.write(JSON.stringify({ version: secret.properties.version, value: secret.value }));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
    process.exit(1);
  },
);
