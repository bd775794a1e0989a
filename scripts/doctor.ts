/**
 * `npm run doctor`: checks a configuration end to end, one line per check (ok / warn / fail)
 * with the fix, and exits 1 when any check fails (2 on a usage error).
 *
 *   npm run doctor                          the settings the portal would use (.env files + env)
 *   npm run doctor -- --env-file staging.env
 *
 * Settings are loaded as `next start` loads them (.env.production.local, .env.local, .env.production,
 * .env; variables already set win); `--env-file` is read before those. Runs under tsx with the
 * `react-server` condition (see package.json), so lib/'s `import 'server-only'` is a no-op here.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvConfig } from '@next/env';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { 'env-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return 2;
  }
  if (values.help) {
    console.log('usage: npm run doctor [-- --env-file <file>]');
    return 0;
  }
  if (values['env-file']) process.loadEnvFile(values['env-file']);
  loadEnvConfig(join(__dirname, '..'), false, {
    info: () => {},
    error: (...args: unknown[]) => console.error(...args),
  });
  // The report is the output; library logs (retries, rotations) go to stderr, and only errors.
  if (!process.env.LOG_LEVEL?.trim()) process.env.LOG_LEVEL = 'error';

  // Imported only now, so the logger and the configuration see the environment loaded above.
  const { runDoctor } = await import('@/lib/doctor/run-doctor');
  const { formatResult, summarize } = await import('@/lib/doctor/format-result');
  const { sendLogsToStderr } = await import('@/cli/send-logs-to-stderr');
  sendLogsToStderr();
  const results = await runDoctor(process.env, (r) => console.log(formatResult(r)));
  const { line, exitCode } = summarize(results);
  console.log(line);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`doctor crashed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
