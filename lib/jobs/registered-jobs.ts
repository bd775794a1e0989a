import type { AnyJob } from './job-definition';

/**
 * Every concern's jobs, one line each: a module in the concern's folder exporting `jobs`. A
 * static list because Next bundles the server (no folder scan at run time).
 */
export const jobModules: ReadonlyArray<() => Promise<{ jobs: readonly AnyJob[] }>> = [
  () => import('@/lib/activity/jobs'),
  () => import('@/lib/keepalive/jobs'),
  () => import('@/lib/alerts/jobs'),
  () => import('@/lib/access/jobs'),
  () => import('@/lib/fleet/jobs'),
];

export async function loadRegisteredJobs(): Promise<AnyJob[]> {
  return (await Promise.all(jobModules.map((load) => load()))).flatMap((m) => m.jobs);
}
