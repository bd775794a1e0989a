/**
 * Entry of the CSP console (`npm run csp -- <command>`, or the `csp` bin).
 *
 * Settings are loaded before any lib/ module: first `--settings <file>` if given (KEY=value lines), then the same
 * .env files the portal's `next start` reads (variables already set win), so the console runs
 * with exactly the portal's configuration, against the emulator or real Azure. Logs default to
 * errors only: the console prints its own account of every failure, and a terminal is not a log
 * pipeline (LOG_LEVEL=info shows the structured events).
 */
import { join } from 'node:path';
import { loadEnvConfig } from '@next/env';
import { settingsFileArgument } from './settings-file-argument';

const settingsFile = settingsFileArgument(process.argv);
try {
  if (settingsFile) process.loadEnvFile(settingsFile);
} catch (e) {
  console.error(
    `error [settings_unreadable]: cannot read --settings ${settingsFile}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`,
  );
  process.exit(2);
}
loadEnvConfig(join(__dirname, '..'), false, {
  info: () => {},
  error: (...args: unknown[]) => console.error(...args),
});
if (!process.env.LOG_LEVEL?.trim()) process.env.LOG_LEVEL = 'error';

// Imported only now, so the logger and the configuration see the settings above.
void import('./run-cli').then(({ runCli }) => runCli(process.argv));
