// Integration tests need the local Microsoft cloud; scripts/with-emulator.ts starts it and sets
// EMULATOR_MANIFEST. Fail with a clear message rather than with connection errors.
if (!process.env.EMULATOR_MANIFEST) {
  throw new Error(
    'EMULATOR_MANIFEST is not set: run integration tests with `npm run test:integration`.',
  );
}
