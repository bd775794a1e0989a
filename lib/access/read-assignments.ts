import type { GdapAccessAssignment, GdapRelationship, GraphClient } from '@/lib/graph';
import { isGraphError } from '@/lib/graph/graph-error';
import { log } from '@/lib/log';
import type { RelationshipSummary } from './types';

/** What the last pass stored for one relationship: its assignments as of `lastModifiedDateTime`. */
export interface StoredAssignments {
  lastModifiedDateTime?: string;
  assignments: GdapAccessAssignment[];
}

export interface AssignmentReadResult {
  byRelationship: Map<string, GdapAccessAssignment[]>;
  /** Graph calls made (each took a slot of the budget). */
  read: number;
  /** Relationships whose stored assignments were reused (unchanged since the last pass). */
  reused: number;
  /** Relationships whose assignments could not be read (left "not read"; the next pass retries). */
  failed: number;
  /** Relationships left unread because the run's time for assignments ran out (read next run). */
  deferred: number;
}

/**
 * The access assignments of the partner's live active relationships (reference §2.7): one Graph
 * call per relationship, so only for relationships that are active, and only when Graph's
 * `lastModifiedDateTime` moved since the last pass (the stored answer is reused otherwise).
 * Each call goes through the client, which takes a slot of the sync's budget first. A failure
 * for one relationship leaves it unread; a partner-wide failure (dead grant, no Graph
 * permission) is thrown, as the relationship list's would be.
 */
export async function readAssignments(
  graph: Pick<GraphClient, 'listAccessAssignments'>,
  relationships: readonly GdapRelationship[],
  stored: ReadonlyMap<string, StoredAssignments>,
  opts: {
    now: Date;
    concurrency: number;
    /** Start no read after this (ms since epoch): a large first pass spreads over several runs. */
    deadline?: number;
    clock?: () => number;
  },
): Promise<AssignmentReadResult> {
  const result: AssignmentReadResult = {
    byRelationship: new Map(),
    read: 0,
    reused: 0,
    failed: 0,
    deferred: 0,
  };
  const clock = opts.clock ?? Date.now;
  const toRead: GdapRelationship[] = [];
  for (const r of relationships) {
    if (!isLiveActive(r, opts.now)) continue;
    const before = stored.get(r.id);
    if (
      before &&
      before.lastModifiedDateTime !== undefined &&
      before.lastModifiedDateTime === r.lastModifiedDateTime
    ) {
      result.byRelationship.set(r.id, before.assignments);
      result.reused++;
    } else toRead.push(r);
  }
  let next = 0;
  const worker = async () => {
    while (next < toRead.length) {
      if (opts.deadline !== undefined && clock() >= opts.deadline) break;
      const r = toRead[next++]!;
      result.read++;
      try {
        result.byRelationship.set(r.id, await graph.listAccessAssignments(r.id));
      } catch (e) {
        // One relationship's answer (gone since the list, throttled past the retries, refused)
        // must not cost the pass; anything else (a dead grant, a missing permission) must.
        if (!isGraphError(e)) throw e;
        result.failed++;
        log.warn(
          { access: { relationshipId: r.id }, errorCode: e.code, status: e.upstreamStatus },
          'access assignments could not be read',
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
  result.deferred = toRead.length - next;
  return result;
}

/** The assignments a stored row holds, by relationship id, for reuse by the next pass. */
export function storedAssignmentsOf(
  relationships: readonly RelationshipSummary[],
): Map<string, StoredAssignments> {
  const map = new Map<string, StoredAssignments>();
  for (const r of relationships)
    if (r.assignments)
      map.set(r.id, {
        lastModifiedDateTime: r.lastModifiedDateTime,
        assignments: r.assignments.map((a) => ({
          id: a.id,
          status: a.status,
          groupId: a.groupId,
          roleIds: a.roleIds,
        })),
      });
  return map;
}

function isLiveActive(r: GdapRelationship, now: Date): boolean {
  if (r.status !== 'active') return false;
  const end = r.endDateTime ? Date.parse(r.endDateTime) : NaN;
  return Number.isNaN(end) || end > now.getTime();
}
