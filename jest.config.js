// @ts-check
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/$1',
    // `server-only` throws outside React's server condition; jest runs lib/ as plain Node.
    '^server-only$': '<rootDir>/tests/support/empty-module.js',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      // Integration tests talk to the running local cloud (see scripts/with-emulator.ts).
      setupFiles: ['<rootDir>/tests/support/require-emulator.js'],
      setupFilesAfterEnv: [
        '<rootDir>/tests/support/restore-shared-cloud.ts',
        '<rootDir>/tests/support/integration-database.ts',
      ],
      // A guard against hangs, not a speed check: real SDK round trips through the local cloud
      // can take seconds on a loaded 2-core CI machine.
      testTimeout: 30_000,
    },
    {
      ...shared,
      displayName: 'security',
      testMatch: ['<rootDir>/tests/security/**/*.test.ts'],
      // A fresh local cloud and the production server (`npm start`), like Playwright's webServer;
      // every test talks to them over HTTP. Needs `npm run build` first.
      globalSetup: '<rootDir>/tests/security/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/security/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/security/support/setup-timeout.ts'],
    },
    {
      ...shared,
      displayName: 'fleet',
      // Needs the production build: the Dockerfile's paths and command against it (and, with the
      // database, several portal processes on one database). `npm test` runs it after the build.
      testMatch: ['<rootDir>/tests/fleet/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/fleet/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/fleet/support/global-teardown.ts',
      // A project's testTimeout is not applied per project; the setup file sets it.
      setupFilesAfterEnv: ['<rootDir>/tests/support/fleet-timeout.ts'],
    },
  ],
};
