import { adviceFor } from '@/lib/entra/aadsts-advice';
import { AppError } from '@/lib/errors/app-error';
import { errorCodeOf, toErrorBody } from '@/lib/errors/error-body';
import { toTenantId } from '@/lib/ids/tenant-id';
import { ConnectionError } from '@/lib/tokens/connection-error';
import { VaultError } from '@/lib/vault/vault-error';

describe('the one error-to-response mapping', () => {
  it('keeps an expected failure’s code, message and status', () => {
    expect(toErrorBody(new AppError('csrf_failed', 'Reload the page.', 403))).toEqual({
      status: 403,
      body: { error: { code: 'csrf_failed', message: 'Reload the page.', ref: undefined } },
    });
    expect(toErrorBody(new VaultError('vault_unreachable')).status).toBe(503);
  });

  it('adds the advice of a connection that needs a reconnect', () => {
    const e = new ConnectionError(
      'connection_needs_reconnect',
      toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'),
      adviceFor(700082),
    );
    const { status, body } = toErrorBody(e);
    expect(status).toBe(409);
    expect(body.error.advice).toMatchObject({ code: 'AADSTS700082' });
  });

  it('answers anything unexpected with 503 and a generic message, never its text', () => {
    const { status, body } = toErrorBody(new Error('ECONNREFUSED 10.0.0.5 secret=abc'));
    expect(status).toBe(503);
    expect(body.error.code).toBe('unexpected_error');
    expect(JSON.stringify(body)).not.toContain('10.0.0.5');
    expect(errorCodeOf('boom')).toBe('unexpected_error');
    expect(errorCodeOf(new AppError('x_y', 'm'))).toBe('x_y');
  });
});
