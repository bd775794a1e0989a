// `npm start`: serves the self-contained production build (`output: "standalone"`).
// PORT (default 3000) and HOSTNAME (default 0.0.0.0) choose where it listens.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const server = '.next/standalone/server.js';
if (!existsSync(server)) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(2);
}
const child = spawn(process.execPath, [server], {
  stdio: 'inherit',
  env: { ...process.env, PORT: process.env.PORT ?? '3000' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
