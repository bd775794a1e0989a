/**
 * Entry of the CSP console (`npm run csp -- <command>`, or the `csp` bin).
 *
 * First the same .env files the portal's `next start` reads are loaded (variables already set in
 * the environment win), so the console runs with exactly the portal's configuration, against the
 * emulator or real Azure. Logs default to errors only: the console prints its own account of
 * every failure, and a terminal is not a log pipeline (LOG_LEVEL=info shows the structured events).
 */
import { join } from 'node:path';
import { loadEnvConfig } from '@next/env';

loadEnvConfig(join(__dirname, '..'), false, { info: () => {}, error: (...args: unknown[]) => console.error(...args) });
if (!process.env.LOG_LEVEL?.trim()) process.env.LOG_LEVEL = 'error';

// Imported only now, so the logger is created with the level above.
void import('./run-cli').then(({ runCli }) => runCli(process.argv));
