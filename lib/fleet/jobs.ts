import 'server-only';
import { defineJob } from '@/lib/jobs/job-definition';
import { getFleetPool } from './fleet-pool';
import { getSharedTokenCache } from './index';

/**
 * Every minute, once across the fleet: shared access tokens that may no longer be served (or
 * were sealed under another key) and used connect states past their lifetime are deleted, so
 * neither table keeps anything beyond its use even when no request passes by.
 */
export const jobs = [
  defineJob({
    name: 'fleet.sweep',
    cron: '* * * * *',
    async handler() {
      await getSharedTokenCache().sweep();
      await getFleetPool().query('DELETE FROM fleet_connect_states WHERE expires_at <= $1', [
        Date.now(),
      ]);
    },
  }),
];
