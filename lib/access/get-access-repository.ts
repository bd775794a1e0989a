import 'server-only';
import { getDatabase } from '@/lib/db';
import { processSingleton } from '@/lib/tokens/process-singleton';
import { createAccessRepository, type AccessRepository } from './repository';

/** The process's access repository over the portal's database (every query scoped by RLS). */
export function getAccessRepository(): AccessRepository {
  return processSingleton('access.repository', () => createAccessRepository(getDatabase()));
}
