/**
 * lib/ outside lib/next loads without Next, next-auth or React (the CLI and jobs use it). The
 * ESLint rule in eslint.config.mjs keeps imports out; this proves the folders load with those
 * packages made unloadable.
 */
// jest hoists these above every declaration, so each factory throws on its own.
jest.mock('next', () => {
  throw new Error('next was loaded by lib/');
});
jest.mock('next/server', () => {
  throw new Error('next/server was loaded by lib/');
});
jest.mock('next/navigation', () => {
  throw new Error('next/navigation was loaded by lib/');
});
jest.mock('next/headers', () => {
  throw new Error('next/headers was loaded by lib/');
});
jest.mock('next-auth', () => {
  throw new Error('next-auth was loaded by lib/');
});
jest.mock('react', () => {
  throw new Error('react was loaded by lib/');
});

it.each([
  '@/lib/auth',
  '@/lib/connections',
  '@/lib/customers',
  '@/lib/tokens',
  '@/lib/vault',
  '@/lib/connect/handle-connect-callback',
  '@/lib/connect/start-connect',
  '@/lib/errors/error-body',
  '@/lib/doctor/run-doctor',
])('%s loads without Next, next-auth or React', async (path) => {
  await expect(import(path)).resolves.toBeDefined();
});

it('the probe works: the adapter folder does load next', async () => {
  await expect(import('@/lib/next/error-response')).rejects.toThrow('next/server was loaded');
});
