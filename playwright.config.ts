import { defineConfig, devices } from '@playwright/test';

/**
 * E2E journeys run in Debian's Chromium (a browser download cannot work offline) against the
 * portal's production server, which Playwright starts with the environment that
 * scripts/with-emulator.ts derived from the local cloud's manifest.
 */
const port = Number(process.env.PORTAL_PORT ?? 3100);
const devServer = process.env.E2E_DEV_SERVER === '1';

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One worker: journeys share the emulator's state (connections, clock, faults).
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: devServer ? `npx next dev --port ${port}` : 'node scripts/start.mjs',
    url: `http://localhost:${port}/`,
    // The journeys run many connects, checks and exports as the same few users in one server.
    env: { PORT: String(port), HOSTNAME: '127.0.0.1', RATE_LIMIT_FACTOR: '100' },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
