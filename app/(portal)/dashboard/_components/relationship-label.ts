import type { Relationship } from '@/lib/partner-center/types';

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  reseller: 'Reseller',
  advisor: 'Advisor',
  syndication: 'Syndication',
  microsoft_support: 'Microsoft support',
  none: 'None',
  unknown: 'Unknown',
};
