import 'server-only';
import type { Kysely } from 'kysely';
import type { ConnectionHealth } from '@/lib/connections/connection-health';
import type { Database } from '@/lib/db';
import type { AlertKind } from './alert-kinds';
import { alertConditionOf, decideTransition } from './alert-rules';

export interface Observation {
  health: ConnectionHealth;
  /** A check just ran (keep-alive or "Check now"): counts towards "failing 3 times in a row". */
  check?: 'ok' | 'failed';
}

/** An alert that must be announced: one message per target. */
export interface AlertMessage {
  alertId: string;
  tenantId: string;
  event: 'alert.fired' | 'alert.resolved';
}

/**
 * Applies one observation of a connection: compares its alert condition with the one last
 * recorded and, on a change, opens, replaces or resolves its alert. Runs in one transaction
 * holding the connection's state row, so two portal processes observing the same change at once
 * produce one transition, not two. The first observation of a connection is its baseline:
 * recorded (and an open alert listed) but never announced.
 *
 * @returns the messages to send once the transaction committed (none, or one).
 */
export async function observeConnection(
  db: Kysely<Database>,
  observation: Observation,
  thresholdDays: number,
): Promise<AlertMessage[]> {
  const { health, check } = observation;
  const tenantId = health.tenantId.toLowerCase();
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('alerts_connection_state')
      .values({
        partner_tenant_id: tenantId,
        condition: null,
        health_status: health.status,
        days_left: health.daysLeft,
      })
      .onConflict((oc) => oc.column('partner_tenant_id').doNothing())
      .returning('partner_tenant_id')
      .executeTakeFirst();
    const state = await trx
      .selectFrom('alerts_connection_state')
      .selectAll()
      .where('partner_tenant_id', '=', tenantId)
      .forUpdate()
      .executeTakeFirstOrThrow();

    const failuresBefore = created ? 0 : state.consecutive_failures;
    const failures = check === 'failed' ? failuresBefore + 1 : check === 'ok' ? 0 : failuresBefore;
    const next = alertConditionOf(
      { status: health.status, daysLeft: health.daysLeft, consecutiveFailures: failures },
      thresholdDays,
    );
    const transition = decideTransition(
      created ? undefined : { condition: state.condition as AlertKind | null },
      next,
    );

    const open = await trx
      .selectFrom('alerts_alert')
      .select(['id', 'kind', 'announced'])
      .where('partner_tenant_id', '=', tenantId)
      .where('resolved_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    const openAlert = (kind: AlertKind, announced: boolean) =>
      trx
        .insertInto('alerts_alert')
        .values({
          partner_tenant_id: tenantId,
          kind,
          announced,
          resolved_at: null,
          resolution: null,
          days_left: health.daysLeft,
          advice_code: health.advice?.code ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const close = (id: string, resolution: 'healthy' | 'replaced') =>
      trx
        .updateTable('alerts_alert')
        .set({ resolved_at: new Date(), resolution })
        .where('id', '=', id)
        .execute();

    const messages: AlertMessage[] = [];
    if (transition.type === 'baseline' && transition.open && !open) {
      await openAlert(transition.open, false);
    } else if (transition.type === 'fire') {
      if (open) await close(open.id, 'replaced');
      const { id } = await openAlert(transition.open, true);
      messages.push({ alertId: id, tenantId, event: 'alert.fired' });
    } else if (transition.type === 'resolve' && open) {
      await close(open.id, 'healthy');
      // An alert that was the state at first sight was never announced: its end is not either.
      if (open.announced) messages.push({ alertId: open.id, tenantId, event: 'alert.resolved' });
    }

    await trx
      .updateTable('alerts_connection_state')
      .set({
        condition: next,
        health_status: health.status,
        days_left: health.daysLeft,
        consecutive_failures: failures,
        observed_at: new Date(),
      })
      .where('partner_tenant_id', '=', tenantId)
      .execute();
    return messages;
  });
}

/**
 * Connections that are gone (disconnected): their open alerts close without a message (the
 * disconnect itself is in the activity log) and their state is forgotten, so a reconnect starts
 * from a fresh baseline.
 */
export async function forgetConnectionsExcept(
  db: Kysely<Database>,
  connectedTenantIds: readonly string[],
): Promise<void> {
  const keep = connectedTenantIds.map((t) => t.toLowerCase());
  await db.transaction().execute(async (trx) => {
    let alerts = trx
      .updateTable('alerts_alert')
      .set({ resolved_at: new Date(), resolution: 'disconnected' })
      .where('resolved_at', 'is', null);
    if (keep.length) alerts = alerts.where('partner_tenant_id', 'not in', keep);
    await alerts.execute();
    let states = trx.deleteFrom('alerts_connection_state');
    if (keep.length) states = states.where('partner_tenant_id', 'not in', keep);
    await states.execute();
  });
}
