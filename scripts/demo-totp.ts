/**
 * `npm run demo:totp -- <upn>`: the current authenticator code of a demo account, for people
 * trying the demo without adding its TOTP secret to an authenticator app. Reads the demo's
 * manifest (.emulator/manifest.json); demo accounts only.
 */
import { readFileSync } from 'node:fs';
import type { Manifest } from '../emulator/core/manifest';
import { totpNow } from '../tests/support/totp';

const upn = process.argv[2]?.toLowerCase();
const manifest = JSON.parse(readFileSync('.emulator/manifest.json', 'utf8')) as Manifest;
const users = manifest.tenants.flatMap((t) => t.users).filter((u) => u.mfa === 'totp');
const user = users.find((u) => u.upn.toLowerCase() === upn);
if (!user?.totpSecret) {
  console.error(
    `usage: npm run demo:totp -- <upn>\nTOTP accounts: ${users.map((u) => u.upn).join(', ')}`,
  );
  process.exit(64);
}
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${totpNow(user.totpSecret)}  (valid for ${secondsLeft} more s)`);
