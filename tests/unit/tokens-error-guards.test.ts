/**
 * Next bundles route handlers and pages separately, so one process can hold two copies of a
 * module (and two ConnectionError classes). Regression: a refresh in a route handler redeemed
 * through one copy while the page read another copy's cache, and `instanceof` failed across them.
 */
import type * as ConnectionErrors from '@/lib/tokens/connection-error';
import type * as PcErrors from '@/lib/partner-center/partner-center-error';
import type * as Singletons from '@/lib/tokens/process-singleton';
import type * as EntraErrors from '@/lib/entra/entra-error';
import type * as ToEntra from '@/lib/entra/to-entra-error';
import type * as VaultErrors from '@/lib/vault/vault-error';
import type * as ToVault from '@/lib/vault/to-vault-error';
import type * as ConnectFailures from '@/lib/connect/connect-failure';

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

describe('lib error checks look at the shape, never instanceof', () => {
  type EntraModule = typeof EntraErrors;
  type ToEntraModule = typeof ToEntra;
  type VaultModule = typeof VaultErrors;
  type ToVaultModule = typeof ToVault;
  type ConnectModule = typeof ConnectFailures;

  it('isEntraError and toEntraError accept an EntraError from another copy', () => {
    const [one, two] = loadTwice<EntraModule>('@/lib/entra/entra-error');
    const [to] = loadTwice<ToEntraModule>('@/lib/entra/to-entra-error');
    const foreign = new two.EntraError({ aadsts: 50076, error: 'invalid_grant' });
    expect(foreign instanceof one.EntraError).toBe(false);
    expect(one.isEntraError(foreign)).toBe(true);
    expect(to.toEntraError(foreign)).toBe(foreign);
    expect(one.isEntraError(new Error('x'))).toBe(false);
  });

  it('toEntraError reads an MSAL-shaped error (errorCode, errorMessage, errorNo) without its class', () => {
    const [to] = loadTwice<ToEntraModule>('@/lib/entra/to-entra-error');
    const msalShaped = Object.assign(new Error('AADSTS50173: revoked'), {
      errorCode: 'invalid_grant',
      errorMessage: 'AADSTS50173: The provided grant has expired due to it being revoked.',
      subError: '',
      errorNo: 50173,
    });
    const e = to.toEntraError(msalShaped);
    expect(e.aadsts).toBe(50173);
    expect(e.grantIsDead).toBe(true);
  });

  it('isVaultError and toVaultError accept a VaultError from another copy', () => {
    const [one, two] = loadTwice<VaultModule>('@/lib/vault/vault-error');
    const [to] = loadTwice<ToVaultModule>('@/lib/vault/to-vault-error');
    const foreign = new two.VaultError('vault_forbidden');
    expect(one.isVaultError(foreign)).toBe(true);
    expect(to.toVaultError(foreign)).toBe(foreign);
    expect(one.isVaultError(new Error('vault_forbidden'))).toBe(false);
  });

  it('isConnectFailure accepts a ConnectFailure from another copy', () => {
    const [one, two] = loadTwice<ConnectModule>('@/lib/connect/connect-failure');
    expect(one.isConnectFailure(new two.ConnectFailure('mfa_missing', 'mfa'))).toBe(true);
    expect(one.isConnectFailure(new Error('mfa_missing'))).toBe(false);
  });
});
