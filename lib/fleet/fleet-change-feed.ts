import { randomUUID } from 'node:crypto';
import type { Client, Notification } from 'pg';

/** The channel migration 202611301030_fleet_change_notify announces changes on. */
export const FLEET_CHANGES_CHANNEL = 'portal_fleet_changes';
const TRIGGERS = ['fleet_tenant_state_notify', 'customer_directory_sync_notify'];

/** What a reader of shared rows needs from the feed (lib/fleet/notified-read.ts). */
export interface FleetChangeSource {
  /** True while changes are known to arrive: LISTEN is on and the last ping came back in time. */
  readonly live: boolean;
  /** Changes whenever `live` does: what was read under another session may have missed a change. */
  readonly session: number;
  /** Calls `listener` with the partner tenant of each change to `table` ('*': every tenant). */
  onChange(table: string, listener: (tenantId: string) => void): void;
}

export interface FleetChangeFeedOptions {
  /** A new, unconnected client on the portal's database (not pooled: LISTEN is per session). */
  connect: () => Client;
  /** How often the feed proves it still hears the channel, and how long an echo may take. */
  pingEveryMs?: number;
  pingTimeoutMs?: number;
  /** The wait before listening again after the connection failed. */
  retryMs?: number;
  onDown?: (error: unknown) => void;
  onUp?: () => void;
}

/**
 * This instance's ear on the fleet's changes: one dedicated connection LISTENing on
 * `portal_fleet_changes`, where triggers announce every write to a partner's tenant state or
 * directory sync row at commit. The warm customer pages then read those rows once and keep them
 * until a change is announced, instead of one primary-key read per request.
 *
 * It counts as live only while it can prove it hears the channel: every `pingEveryMs` it
 * NOTIFYs a nonce of its own and must hear it back within `pingTimeoutMs`. So a dropped
 * connection, a stalled one, a pooler that does not forward notifications (PgBouncer in
 * transaction mode) or a database without the triggers all leave it not live, and readers go back
 * to a read per request (the behaviour before the feed) until it is live again.
 */
export class FleetChangeFeed implements FleetChangeSource {
  private client?: Client;
  private isLive = false;
  private sessionNo = 0;
  private stopped = true;
  private wasDown = false;
  private readonly listeners = new Map<string, Array<(tenantId: string) => void>>();
  private pending?: { payload: string; deadline: NodeJS.Timeout };
  private timer?: NodeJS.Timeout;

  constructor(private readonly opts: FleetChangeFeedOptions) {}

  get live(): boolean {
    return this.isLive;
  }

  get session(): number {
    return this.sessionNo;
  }

  onChange(table: string, listener: (tenantId: string) => void): void {
    this.listeners.set(table, [...(this.listeners.get(table) ?? []), listener]);
  }

  /**
   * A change this process just committed itself: its own readers drop the row now rather than
   * when the notification comes back a moment later.
   */
  announce(table: string, tenantId: string): void {
    for (const listener of this.listeners.get(table) ?? []) listener(tenantId);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.goDown();
    await client?.end().catch(() => undefined);
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    const client = this.opts.connect();
    this.client = client;
    client.on('error', (e) => this.fail(client, e));
    client.on('end', () => this.fail(client, new Error('the change feed connection ended')));
    client.on('notification', (m) => this.heard(client, m));
    try {
      await client.connect();
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = ANY($1)',
        [TRIGGERS],
      );
      if (rows[0]?.n !== TRIGGERS.length)
        throw new Error('the fleet change triggers are missing (migration fleet_change_notify)');
      await client.query(`LISTEN ${FLEET_CHANGES_CHANNEL}`);
      this.ping(client);
    } catch (e) {
      this.fail(client, e);
    }
  }

  private ping(client: Client): void {
    if (client !== this.client) return;
    const payload = `ping:${randomUUID()}`;
    const deadline = setTimeout(
      () => this.fail(client, new Error('the change feed did not hear its own ping')),
      this.opts.pingTimeoutMs ?? 2_000,
    );
    deadline.unref();
    this.pending = { payload, deadline };
    client
      .query('SELECT pg_notify($1, $2)', [FLEET_CHANGES_CHANNEL, payload])
      .catch((e: unknown) => this.fail(client, e));
  }

  private heard(client: Client, m: Notification): void {
    if (client !== this.client || m.channel !== FLEET_CHANGES_CHANNEL) return;
    const payload = m.payload ?? '';
    if (payload.startsWith('ping:')) {
      // Other instances' pings arrive too; only our own proves anything.
      if (payload !== this.pending?.payload) return;
      clearTimeout(this.pending.deadline);
      this.pending = undefined;
      if (!this.isLive) {
        this.isLive = true;
        this.sessionNo++;
        if (this.wasDown) this.opts.onUp?.();
        this.wasDown = false;
      }
      this.timer = setTimeout(() => this.ping(client), this.opts.pingEveryMs ?? 2_000);
      this.timer.unref();
      return;
    }
    const colon = payload.indexOf(':');
    if (colon > 0) this.announce(payload.slice(0, colon), payload.slice(colon + 1));
  }

  private fail(client: Client, error: unknown): void {
    if (client !== this.client) return;
    this.goDown();
    void client.end().catch(() => undefined);
    if (!this.wasDown) this.opts.onDown?.(error);
    this.wasDown = true;
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.open(), this.opts.retryMs ?? 1_000);
    this.timer.unref();
  }

  private goDown(): void {
    this.client = undefined;
    if (this.isLive) {
      this.isLive = false;
      this.sessionNo++;
    }
    if (this.pending) clearTimeout(this.pending.deadline);
    this.pending = undefined;
    clearTimeout(this.timer);
  }
}
