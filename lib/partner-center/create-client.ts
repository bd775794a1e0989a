import 'server-only';
import { isGuid } from '@/lib/ids/guid';
import type { z } from 'zod';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import {
  toCustomerDetail,
  toCustomerSummary,
  toOrganizationProfile,
  toSubscription,
} from './map-resources';
import { PartnerCenterError } from './partner-center-error';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import {
  customerCollectionSchema,
  customerSchema,
  organizationProfileSchema,
  subscriptionCollectionSchema,
} from './schemas';
import {
  routeTemplate,
  sendGet,
  sendRequest,
  type PartnerCenterBudget,
  type PartnerCenterRequest,
  type TransportOptions,
} from './send-request';
import type {
  CustomerDetail,
  CustomerFilter,
  CustomersPage,
  CustomerSummary,
  OrganizationProfile,
  Subscription,
} from './types';

/** Partner Center's largest page for an indexed customer query. */
export const MAX_PAGE_SIZE = 500;

export interface PartnerCenterClientOptions {
  /** Defaults to PARTNER_CENTER_URL. */
  baseUrl?: string;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Shared by every caller of the same partner tenant (see PartnerCenterBudget). */
  budget?: PartnerCenterBudget;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface ListCustomersProgress {
  loaded: number;
  pages: number;
  done: boolean;
}

export interface PartnerCenterClient {
  getOrganizationProfile(): Promise<OrganizationProfile>;
  listCustomersPage(query?: {
    size?: number;
    filter?: CustomerFilter;
    continuationToken?: string;
  }): Promise<CustomersPage>;
  listAllCustomers(
    onProgress?: (p: ListCustomersProgress) => void,
    query?: { filter?: CustomerFilter },
  ): Promise<CustomerSummary[]>;
  getCustomer(customerId: string): Promise<CustomerDetail>;
  getCustomerSubscriptions(customerId: string): Promise<Subscription[]>;
  /**
   * The CPV step: consents the portal's app in a customer tenant with these delegated grants.
   * `exists` on 409 ("Permission entry already exists"), which callers count as done.
   */
  createApplicationConsent(
    customerId: string,
    consent: ApplicationConsentRequest,
  ): Promise<'created' | 'exists'>;
  /** Removes the app's consent, i.e. its service principal, from the customer tenant. `absent` on 404. */
  deleteApplicationConsent(
    customerId: string,
    applicationId: string,
  ): Promise<'deleted' | 'absent'>;
}

export interface ApplicationConsentRequest {
  applicationId: string;
  displayName: string;
  /** One entry per resource API: its appId and the comma-separated delegated scope names. */
  applicationGrants: Array<{ enterpriseApplicationId: string; scope: string }>;
}

/**
 * A typed Partner Center client for one partner tenant. `getToken` supplies the App+User access
 * token (the token broker's `getAccessToken(tenantId)`); the client never stores it.
 */
export function createPartnerCenterClient(
  getToken: () => Promise<string>,
  opts: PartnerCenterClientOptions = {},
): PartnerCenterClient {
  const transport: TransportOptions = {
    baseUrl: (opts.baseUrl ?? getConfig().PARTNER_CENTER_URL).replace(/\/+$/, ''),
    getToken,
    timeoutMs: opts.timeoutMs ?? 15_000,
    retry: { ...DEFAULT_RETRY_POLICY, ...opts.retry },
    budget: opts.budget,
    fetch: opts.fetch ?? ((...args) => fetch(...args)),
    sleep: opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: opts.now ?? Date.now,
  };

  async function get<S extends z.ZodType>(
    schema: S,
    req: PartnerCenterRequest,
  ): Promise<z.output<S>> {
    const { body, ids } = await sendGet(transport, req);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      log.warn(
        { pc: { route: routeTemplate(req.path), ...ids }, issues: parsed.error.issues.slice(0, 5) },
        'partner center response failed validation',
      );
      throw new PartnerCenterError('partner_center_bad_response', {
        ...ids,
        description: parsed.error.message.slice(0, 500),
      });
    }
    return parsed.data;
  }

  async function listCustomersPage(
    query: { size?: number; filter?: CustomerFilter; continuationToken?: string } = {},
  ): Promise<CustomersPage> {
    const size = Math.min(Math.max(query.size ?? MAX_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const params = new URLSearchParams({ size: String(size) });
    if (query.filter)
      params.set(
        'filter',
        JSON.stringify({
          Field: query.filter.field,
          Value: query.filter.value,
          Operator: 'starts_with',
        }),
      );
    const headers: Record<string, string> = {};
    if (query.continuationToken) {
      params.set('seekOperation', 'Next');
      headers['MS-ContinuationToken'] = query.continuationToken;
    }
    const page = await get(customerCollectionSchema, { path: `/v1/customers?${params}`, headers });
    return { items: page.items.map(toCustomerSummary), continuationToken: nextToken(page) };
  }

  return {
    async getOrganizationProfile() {
      return toOrganizationProfile(
        await get(organizationProfileSchema, { path: '/v1/profiles/organization' }),
      );
    },

    listCustomersPage,

    async listAllCustomers(onProgress, query = {}) {
      const all: CustomerSummary[] = [];
      let continuationToken: string | undefined;
      let pages = 0;
      do {
        const page = await listCustomersPage({ filter: query.filter, continuationToken });
        all.push(...page.items);
        pages++;
        continuationToken = page.continuationToken;
        onProgress?.({ loaded: all.length, pages, done: !continuationToken });
      } while (continuationToken);
      return all;
    },

    async getCustomer(customerId) {
      return toCustomerDetail(
        await get(customerSchema, { path: `/v1/customers/${customerPath(customerId)}` }),
      );
    },

    async createApplicationConsent(customerId, consent) {
      if (!isGuid(consent.applicationId)) throw new RangeError('applicationId must be a GUID');
      const { status } = await sendRequest(transport, {
        method: 'POST',
        path: `/v1/customers/${customerPath(customerId)}/applicationconsents`,
        body: consent,
        acceptStatuses: [409],
      });
      return status === 409 ? 'exists' : 'created';
    },

    async deleteApplicationConsent(customerId, applicationId) {
      if (!isGuid(applicationId)) throw new RangeError('applicationId must be a GUID');
      const { status } = await sendRequest(transport, {
        method: 'DELETE',
        path: `/v1/customers/${customerPath(customerId)}/applicationconsents/${applicationId}`,
        acceptStatuses: [404],
      });
      return status === 404 ? 'absent' : 'deleted';
    },

    async getCustomerSubscriptions(customerId) {
      const page = await get(subscriptionCollectionSchema, {
        path: `/v1/customers/${customerPath(customerId)}/subscriptions`,
      });
      return page.items.map(toSubscription);
    },
  };
}

/** The next page's continuation token: from `links.next`'s MS-ContinuationToken header, else the top-level field. */
function nextToken(page: z.output<typeof customerCollectionSchema>): string | undefined {
  const next = page.links?.next;
  if (!next) return undefined;
  const header = next.headers?.find((h) => h.key.toLowerCase() === 'ms-continuationtoken');
  return header?.value ?? page.continuationToken ?? undefined;
}

/** Customer ids are tenant GUIDs; anything else never reaches Partner Center (no path injection). */
function customerPath(customerId: string): string {
  if (!isGuid(customerId)) {
    throw new PartnerCenterError('partner_center_not_found', {
      requestId: '',
      correlationId: '',
      description: 'malformed customer id',
    });
  }
  return customerId;
}
