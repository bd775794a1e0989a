import type { Relationship } from '@/lib/partner-center/types';

// The customer list's query fields, without the parser (zod), so client components can use them.

export const SORT_FIELDS = ['name', 'domain', 'relationship'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

/** The customer list's state, all of it in the URL so a link shows the same view. */
export interface CustomerQuery {
  q: string;
  sort: SortField;
  dir: 'asc' | 'desc';
  relationship?: Relationship;
  page: number;
  pageSize: number;
}

export const DEFAULT_QUERY: CustomerQuery = {
  q: '',
  sort: 'name',
  dir: 'asc',
  page: 1,
  pageSize: 25,
};
