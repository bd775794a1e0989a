import type { FastifyInstance } from 'fastify';
import { callerOf } from '../auth';
import type { PcDeps } from '../deps';
import { notFound } from '../errors';
import { link } from '../links';

/** `GET /v1/profiles/organization`: the calling partner's own profile (get-an-organization-profile.md). */
export function registerOrganizationProfile(app: FastifyInstance, deps: PcDeps): void {
  app.get('/v1/profiles/organization', async (req) => {
    const tenantId = callerOf(req).tenantId;
    const p = deps.profiles.get(tenantId);
    if (!p) throw notFound(`No organization profile for tenant ${tenantId}.`);
    return {
      id: p.id,
      companyName: p.companyName,
      defaultAddress: p.defaultAddress,
      tenantId: p.tenantId,
      domain: p.domain,
      email: p.email,
      language: p.language,
      culture: p.culture,
      profileType: 'OrganizationProfile',
      links: { self: link('/profiles/organization') },
      attributes: { etag: p.etag, objectType: 'OrganizationProfile' },
    };
  });
}
