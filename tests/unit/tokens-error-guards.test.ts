/**
 * Next bundles route handlers and pages separately, so one process can hold two copies of a
 * module (and two ConnectionError classes). Regression: a refresh in a route handler redeemed
 * through one copy while the page read another copy's cache, and `instanceof` failed across them.
 */
import type * as ConnectionErrors from '@/lib/tokens/connection-error';
import type * as PcErrors from '@/lib/partner-center/partner-center-error';
import type * as Singletons from '@/lib/tokens/process-singleton';

type ErrorsModule = typeof ConnectionErrors;
type PcModule = typeof PcErrors;
type SingletonModule = typeof Singletons;

function loadTwice<T>(path: string): [T, T] {
  let a!: T;
  let b!: T;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry per copy needs require
  jest.isolateModules(() => (a = require(path) as T));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
  jest.isolateModules(() => (b = require(path) as T));
  return [a, b];
}

describe('error guards across bundle copies', () => {
  it('recognises a ConnectionError made by another copy of the module', () => {
    const [one, two] = loadTwice<ErrorsModule>('@/lib/tokens/connection-error');
    expect(one.ConnectionError).not.toBe(two.ConnectionError);
    const error = new two.ConnectionError(
      'connection_needs_reconnect',
      'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    );
    expect(error instanceof one.ConnectionError).toBe(false);
    expect(one.isConnectionError(error)).toBe(true);
    expect(one.isConnectionError(new Error('connection_missing'))).toBe(false);
  });

  it('recognises a PartnerCenterError made by another copy of the module', () => {
    const [one, two] = loadTwice<PcModule>('@/lib/partner-center/partner-center-error');
    const error = new two.PartnerCenterError('partner_center_not_found', {
      requestId: 'r',
      correlationId: 'c',
      upstreamStatus: 404,
    });
    expect(one.isPartnerCenterError(error)).toBe(true);
  });

  it('shares one instance per process whichever copy asks', () => {
    const [one, two] = loadTwice<SingletonModule>('@/lib/tokens/process-singleton');
    const key = `test-${Math.random()}`;
    const first = one.processSingleton(key, () => ({ n: 1 }));
    expect(two.processSingleton(key, () => ({ n: 2 }))).toBe(first);
  });
});
