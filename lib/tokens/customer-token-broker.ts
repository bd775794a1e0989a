import type { TenantId } from '@/lib/ids/tenant-id';
import type { BrokerStore } from './token-broker-deps';
import { ConnectionError } from './connection-error';
import { adviceForStoredCode, isDeadStatus } from './dead-grant-status';
import type { SingleFlight } from './single-flight';
import type { TokenCache } from './token-cache';

/** lib/entra's redeemAtCustomer, or a fake in tests. */
export type RedeemAtCustomer = (input: {
  customerTenantId: string;
  refreshToken: string;
  scopes: string[];
}) => Promise<{ accessToken: string; expiresOn: Date }>;

export interface CustomerTokenBrokerDeps {
  /** Only `get`: this broker never writes to the store. */
  store: Pick<BrokerStore, 'get'>;
  redeem: RedeemAtCustomer;
  cache: TokenCache;
  flight: SingleFlight;
  now: () => number;
  scopesFor: (resource: string) => string[];
  expiryMarginMs?: number;
  /**
   * How long the partner's refresh token, once read from Key Vault, is reused for further
   * customers (a sweep over thousands of customers reads the vault once per this window).
   */
  refreshTokenReuseMs?: number;
}

const DEFAULT_MARGIN_MS = 5 * 60 * 1000;
const DEFAULT_REUSE_MS = 60 * 1000;

/**
 * Access tokens for a partner's CUSTOMER tenants (GDAP), keyed by (partner tenant, customer
 * tenant, resource). It shares the partner broker's refresh token but none of its write paths:
 * - the refresh token Entra rotates at a customer authority is never written back (only the
 *   partner authority's rotation is, by TokenBroker);
 * - a failure is thrown to the caller as it is (an EntraError with the customer's AADSTS code)
 *   and never marks the partner's connection: that error belongs to the customer's row.
 * A connection already marked dead fails fast with the partner's advice, as TokenBroker does.
 */
export class CustomerTokenBroker {
  private readonly margin: number;
  private readonly reuseMs: number;
  private readonly refreshTokens = new Map<string, { token: string; until: number }>();

  constructor(private readonly deps: CustomerTokenBrokerDeps) {
    this.margin = deps.expiryMarginMs ?? DEFAULT_MARGIN_MS;
    this.reuseMs = deps.refreshTokenReuseMs ?? DEFAULT_REUSE_MS;
  }

  async getAccessToken(
    partnerTenantId: TenantId,
    customerTenantId: string,
    resource: string,
  ): Promise<string> {
    const key = customerKey(partnerTenantId, customerTenantId, resource);
    const hit = await this.fresh(key);
    if (hit) return hit;
    return this.deps.flight.run(key, async () => {
      const late = await this.fresh(key);
      if (late) return late;
      const refreshToken = await this.refreshTokenOf(partnerTenantId);
      const redeemed = await this.deps.redeem({
        customerTenantId,
        refreshToken,
        scopes: this.deps.scopesFor(resource),
      });
      const expiresAt = redeemed.expiresOn.getTime();
      await this.deps.cache.set(
        key,
        { accessToken: redeemed.accessToken, expiresAt },
        expiresAt - this.margin - this.deps.now(),
      );
      return redeemed.accessToken;
    });
  }

  /**
   * Drops cached tokens of one customer (after its consent changed: the next token must carry
   * the new scopes), or of every customer of the partner, and the reused refresh token.
   */
  async forget(partnerTenantId: TenantId, customerTenantId?: string): Promise<void> {
    const partner = partnerTenantId.toLowerCase();
    if (!customerTenantId) this.refreshTokens.delete(partner);
    await this.deps.cache.deletePrefix(
      customerTenantId ? `${partner}|${customerTenantId.toLowerCase()}|` : `${partner}|`,
    );
  }

  private async fresh(key: string): Promise<string | undefined> {
    const cached = await this.deps.cache.get(key);
    return cached && cached.expiresAt - this.margin > this.deps.now()
      ? cached.accessToken
      : undefined;
  }

  private refreshTokenOf(partnerTenantId: TenantId): Promise<string> {
    const partner = partnerTenantId.toLowerCase();
    const memo = this.refreshTokens.get(partner);
    if (memo && memo.until > this.deps.now()) return Promise.resolve(memo.token);
    return this.deps.flight.run(`customer-rt:${partner}`, async () => {
      const record = await this.deps.store.get(partnerTenantId);
      if (!record) throw new ConnectionError('connection_missing', partnerTenantId);
      if (isDeadStatus(record.tags.status))
        throw new ConnectionError(
          'connection_needs_reconnect',
          partnerTenantId,
          adviceForStoredCode(record.tags.lastErrorCode),
        );
      this.refreshTokens.set(partner, {
        token: record.refreshToken,
        until: this.deps.now() + this.reuseMs,
      });
      return record.refreshToken;
    });
  }
}

/** Customer-token keys never collide with TokenBroker's `<partner>|<resource>` keys: three parts. */
function customerKey(partner: string, customer: string, resource: string): string {
  return `${partner.toLowerCase()}|${customer.toLowerCase()}|${resource}`;
}
