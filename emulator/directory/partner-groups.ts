import { guidFromName } from './ids';
import type { DirectoryUser } from './types';

/**
 * The security groups of a partner tenant. Partner Center creates AdminAgents, HelpdeskAgents
 * and SalesAgents in every partner tenant; the "GDAP …" groups are the ones a partner makes for
 * its access assignments (one group per job, as Microsoft's GDAP guidance recommends). Ids are
 * derived from (tenant, name), so every partner tenant, including ones seeded later, has them.
 */
export const ADMIN_AGENTS = 'AdminAgents';

export const PARTNER_GROUP_NAMES = [
  ADMIN_AGENTS,
  'HelpdeskAgents',
  'SalesAgents',
  'GDAP Directory Readers',
  'GDAP Application Administrators',
  'GDAP Helpdesk',
  'GDAP Security',
  'GDAP Service Administrators',
  'GDAP Global Administrators',
] as const;

export type PartnerGroupName = (typeof PARTNER_GROUP_NAMES)[number];

export interface SecurityGroup {
  id: string;
  displayName: PartnerGroupName;
  tenantId: string;
}

export function partnerGroupId(tenantId: string, name: PartnerGroupName): string {
  return guidFromName(`security-group:${tenantId.toLowerCase()}:${name}`);
}

export function partnerGroups(tenantId: string): SecurityGroup[] {
  return PARTNER_GROUP_NAMES.map((displayName) => ({
    id: partnerGroupId(tenantId, displayName),
    displayName,
    tenantId: tenantId.toLowerCase(),
  }));
}

/**
 * Groups a seeded user is in when the seed does not say: a partner admin (Global Administrator
 * or Portal.Admin) is an admin agent in every GDAP group except Global Administrators (least
 * privilege); anyone else is in none. Extra partners seeded by `--partners N` get this too.
 */
export function defaultGroupsOf(user: DirectoryUser): PartnerGroupName[] {
  const admin =
    user.directoryRoles.includes('Global Administrator') || user.appRoles.includes('Portal.Admin');
  return admin
    ? [
        ADMIN_AGENTS,
        'GDAP Directory Readers',
        'GDAP Application Administrators',
        'GDAP Helpdesk',
        'GDAP Security',
        'GDAP Service Administrators',
      ]
    : [];
}
