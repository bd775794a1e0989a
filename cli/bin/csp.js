#!/usr/bin/env node
// The `csp` bin: runs the TypeScript entry through tsx under the `react-server` condition, so
// lib/'s `import 'server-only'` resolves to its empty module outside Next.js. The caller's
// working directory is kept (cron may run it from anywhere): tsx is resolved from here, and
// TSX_TSCONFIG_PATH points it at the repository's tsconfig for the `@/` alias.
// Exit code and stdio pass straight through; signals are forwarded to the child.
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..', '..');
let tsx;
try {
  tsx = pathToFileURL(require.resolve('tsx')).href;
} catch {
  console.error(
    'error [tsx_missing]: csp runs its TypeScript through tsx, a dev dependency: install with `npm ci` (without --omit=dev).',
  );
  process.exit(2);
}
const child = spawn(
  process.execPath,
  [
    '--conditions=react-server',
    '--import',
    tsx,
    join(root, 'cli', 'main.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') } },
);
const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const forward = (signal) => child.kill(signal);
for (const signal of forwarded) process.on(signal, forward);
child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  // Die of the same signal, so a shell or cron sees what happened to the command.
  for (const s of forwarded) process.off(s, forward);
  process.kill(process.pid, signal ?? 'SIGTERM');
});
