import { toActivityRow } from '@/lib/activity/activity-row';
import { createAnonymousBudget } from '@/lib/activity/anonymous-budget';

const TENANT = '11111111-1111-4111-8111-111111111111';
const OID = '33333333-3333-4333-8333-333333333333';
// Built at run time so the repository holds no token-shaped literal.
const jwtShaped = ['eyJhbGciOiJSUzI1NiJ9', 'eyJzdWIiOiJ4In0', 'c2lnbmF0dXJl'].join('.');

describe('toActivityRow', () => {
  it('keeps a verified user, the partner tenant and a stable code', () => {
    expect(
      toActivityRow(
        {
          kind: 'connect',
          result: 'refused',
          actor: { type: 'user', upn: 'Adele@Contoso.com', oid: OID, tenantId: TENANT },
          partnerTenantId: TENANT,
          errorCode: 'AADSTS50076',
        },
        'c0ffee00-0000-4000-8000-000000000000',
      ),
    ).toEqual({
      kind: 'connect',
      result: 'refused',
      partner_tenant_id: TENANT,
      actor_type: 'user',
      actor_upn: 'adele@contoso.com',
      actor_oid: OID,
      actor_tenant_id: TENANT,
      error_code: 'AADSTS50076',
      correlation_id: 'c0ffee00-0000-4000-8000-000000000000',
      audience: 'partner',
      customer_tenant_id: null,
      via_upn: null,
    });
  });

  it('records an anonymous refusal without any tenant, whatever the caller passes', () => {
    const row = toActivityRow({
      kind: 'connect',
      result: 'refused',
      actor: { type: 'anonymous' },
      partnerTenantId: TENANT,
      errorCode: 'state_missing',
    });
    expect(row.partner_tenant_id).toBeNull();
    expect(row.actor_tenant_id).toBeNull();
    expect(row.actor_upn).toBeNull();
  });

  it('drops anything that does not fit its column: tokens, URLs, free text', () => {
    const row = toActivityRow({
      kind: 'check',
      result: 'failed',
      actor: { type: 'user', upn: jwtShaped, oid: jwtShaped, tenantId: 'contoso.com' },
      partnerTenantId: 'https://hooks.slack.com/services/T000/B000/XXXX',
      errorCode: 'https://hooks.slack.com/services/T000/B000/XXXX',
      correlationId: jwtShaped,
    });
    for (const value of Object.values(row)) {
      expect(String(value)).not.toContain('eyJ');
      expect(String(value)).not.toContain('https://');
    }
    expect(row.actor_upn).toBeNull();
    expect(row.error_code).toBeNull();
  });

  it('refuses an unknown kind or result (a programming error)', () => {
    expect(() =>
      toActivityRow({ kind: 'nope' as 'check', result: 'success', actor: { type: 'job' } }),
    ).toThrow(/unknown activity kind/);
  });
});

describe('the anonymous refusal budget', () => {
  it('allows a number per minute, then reports how many it dropped', () => {
    let now = 0;
    const budget = createAnonymousBudget(2, () => now);
    expect([budget.take(), budget.take(), budget.take()].map((r) => r.allowed)).toEqual([
      true,
      true,
      false,
    ]);
    now = 61_000;
    expect(budget.take()).toEqual({ allowed: true, droppedInLastWindow: 1 });
  });
});
