import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ClaimDigestSlot, DigestSent, DigestSlot, DigestStore } from '../state.ts';
import type { DigestPlatform, NewSubscription, Subscription } from '../subscriptions.ts';
import type { SqlDriver } from './driver.ts';
import { count, deliveryState, digestKind, digestPlatform, flag, instant, parseFirst, parseRows, stringList } from './rows.ts';

const SubscriptionRow = z
  .object({
    id: z.string(),
    platform: digestPlatform,
    channel_id: z.string(),
    workspace_id: z.string().nullable(),
    subscriber_id: z.string(),
    every: z.enum(['daily', 'weekly']),
    time: z.string(),
    timezone: z.string(),
    weekday: count.nullable(),
    topic: z.string().nullable(),
    active: flag,
    disabled_reason: z.string().nullable(),
    next_due_at: instant,
    last_sent_at: instant.nullable(),
    last_themes: stringList,
    last_quotes: stringList,
    seen_sources: stringList,
    failures: count,
    kind: digestKind,
  })
  .transform(
    (r): Subscription => ({
      id: r.id,
      platform: r.platform,
      channelId: r.channel_id,
      workspaceId: r.workspace_id,
      subscriberId: r.subscriber_id,
      every: r.every,
      time: r.time,
      timezone: r.timezone,
      weekday: r.weekday,
      topic: r.topic,
      kind: r.kind,
      active: r.active,
      disabledReason: r.disabled_reason,
      nextDueAt: r.next_due_at,
      lastSentAt: r.last_sent_at,
      lastThemes: r.last_themes,
      lastQuotes: r.last_quotes,
      seenSources: r.seen_sources,
      failures: r.failures,
    }),
  );

/** Discord nonces are at most 25 characters; the same slot always gets the same one. */
export function slotNonce(subscriptionId: string, slot: string): string {
  return createHash('sha256').update(`${subscriptionId}|${slot}`).digest('base64url').slice(0, 25);
}

const SlotRow = z
  .object({
    subscription_id: z.string(),
    slot: instant,
    platform: digestPlatform,
    state: deliveryState,
    owner: z.string(),
    lease_until: instant,
    attempts: count,
  })
  .transform(
    (r): DigestSlot => ({
      subscriptionId: r.subscription_id,
      slot: r.slot,
      platform: r.platform,
      state: r.state,
      owner: r.owner,
      leaseUntil: r.lease_until,
      attempts: r.attempts,
      nonce: slotNonce(r.subscription_id, r.slot),
    }),
  );

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** The slot's row, if `slot.owner` still holds it. */
const OWNED = `subscription_id = $1 AND slot = $2 AND owner = $3 AND state = 'processing'`;

/**
 * Digest subscriptions (one per channel) and the delivery row of each scheduled digest. A slot is
 * claimed by moving the schedule on and writing its row in one transaction, so a crash between claim
 * and post leaves a leased row that another replica finishes, and never a lost or doubled slot.
 */
export class SqlDigestStore implements DigestStore {
  constructor(private readonly db: SqlDriver) {}

  async upsert(input: NewSubscription, now: Date = new Date()): Promise<Subscription> {
    await this.db.query(
      `INSERT INTO digest_subscriptions
         (id, platform, channel_id, workspace_id, subscriber_id, every, time, timezone, weekday, topic,
          next_due_at, seen_sources, created_at, kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (platform, channel_id) DO UPDATE SET
         workspace_id = excluded.workspace_id, subscriber_id = excluded.subscriber_id, every = excluded.every,
         time = excluded.time, timezone = excluded.timezone, weekday = excluded.weekday, topic = excluded.topic,
         kind = excluded.kind, next_due_at = excluded.next_due_at, active = 1, disabled_reason = NULL, failures = 0`,
      [
        randomUUID(), input.platform, input.channelId, input.workspaceId, input.subscriberId, input.every, input.time,
        input.timezone, input.weekday, input.topic, input.nextDueAt, JSON.stringify(input.seenSources), now.toISOString(),
        input.kind ?? 'summary',
      ],
    );
    const saved = await this.forChannel(input.platform, input.channelId);
    if (!saved) throw new Error(`digest subscription for ${input.platform}:${input.channelId} vanished after saving`);
    return saved;
  }

  async forChannel(platform: DigestPlatform, channelId: string): Promise<Subscription | undefined> {
    const { rows } = await this.db.query('SELECT * FROM digest_subscriptions WHERE platform = $1 AND channel_id = $2', [platform, channelId]);
    return parseFirst(SubscriptionRow, rows);
  }

  async get(id: string): Promise<Subscription | undefined> {
    return parseFirst(SubscriptionRow, (await this.db.query('SELECT * FROM digest_subscriptions WHERE id = $1', [id])).rows);
  }

  async list(platform: DigestPlatform, workspaceId?: string | null): Promise<Subscription[]> {
    const { rows } = workspaceId
      ? await this.db.query('SELECT * FROM digest_subscriptions WHERE platform = $1 AND workspace_id = $2 ORDER BY channel_id', [platform, workspaceId])
      : await this.db.query('SELECT * FROM digest_subscriptions WHERE platform = $1 ORDER BY channel_id', [platform]);
    return parseRows(SubscriptionRow, rows);
  }

  async remove(platform: DigestPlatform, channelId: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM digest_subscriptions WHERE platform = $1 AND channel_id = $2', [platform, channelId])).rowCount === 1;
  }

  async due(platform: DigestPlatform, now: Date): Promise<Subscription[]> {
    const { rows } = await this.db.query(
      `SELECT * FROM digest_subscriptions WHERE platform = $1 AND active = 1 AND next_due_at <= $2
       ORDER BY next_due_at, channel_id`,
      [platform, now.toISOString()],
    );
    return parseRows(SubscriptionRow, rows);
  }

  claimSlot(input: ClaimDigestSlot, now: Date = new Date()): Promise<DigestSlot | undefined> {
    const { subscription } = input;
    return this.db.transaction(async (tx) => {
      // Compare-and-set on the schedule: of all replicas racing for this slot, one moves it on.
      const moved = await tx.query(
        'UPDATE digest_subscriptions SET next_due_at = $1 WHERE id = $2 AND active = 1 AND next_due_at = $3',
        [input.nextDueAt, subscription.id, subscription.nextDueAt],
      );
      if (moved.rowCount !== 1) return undefined;
      // A slot given back after a passing failure has no row; one already done is never posted again.
      const { rows } = await tx.query(
        `INSERT INTO digest_deliveries (subscription_id, slot, platform, state, owner, lease_until, attempts, created_at)
         VALUES ($1, $2, $3, 'processing', $4, $5, 1, $6)
         ON CONFLICT (subscription_id, slot) DO UPDATE SET state = 'processing', owner = excluded.owner,
           lease_until = excluded.lease_until, attempts = digest_deliveries.attempts + 1
         WHERE digest_deliveries.state <> 'done'
         RETURNING *`,
        [subscription.id, subscription.nextDueAt, subscription.platform, input.owner, later(now, input.leaseMs), now.toISOString()],
      );
      return parseFirst(SlotRow, rows);
    });
  }

  completeSlot(slot: DigestSlot, sent: DigestSent, now: Date = new Date()): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const done = await tx.query(`UPDATE digest_deliveries SET state = 'done', finished_at = $4 WHERE ${OWNED}`, [
        slot.subscriptionId, slot.slot, slot.owner, now.toISOString(),
      ]);
      if (done.rowCount !== 1) return false;
      await tx.query(
        `UPDATE digest_subscriptions SET last_sent_at = $1, last_themes = $2, last_quotes = $3, seen_sources = $4, failures = 0
         WHERE id = $5`,
        [sent.at.toISOString(), JSON.stringify(sent.themes), JSON.stringify(sent.quotes), JSON.stringify(sent.sources), slot.subscriptionId],
      );
      return true;
    });
  }

  async releaseSlot(slot: DigestSlot, failures: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const released = await tx.query(`DELETE FROM digest_deliveries WHERE ${OWNED}`, [slot.subscriptionId, slot.slot, slot.owner]);
      if (released.rowCount !== 1) return;
      await tx.query('UPDATE digest_subscriptions SET next_due_at = $1, failures = $2 WHERE id = $3', [slot.slot, failures, slot.subscriptionId]);
    });
  }

  async skipSlot(slot: DigestSlot, now: Date = new Date()): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE digest_deliveries SET state = 'failed', finished_at = $4 WHERE ${OWNED}`, [
        slot.subscriptionId, slot.slot, slot.owner, now.toISOString(),
      ]);
      await tx.query('UPDATE digest_subscriptions SET failures = 0 WHERE id = $1', [slot.subscriptionId]);
    });
  }

  async disable(slot: DigestSlot, reason: string, now: Date = new Date()): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE digest_deliveries SET state = 'failed', finished_at = $4 WHERE ${OWNED}`, [
        slot.subscriptionId, slot.slot, slot.owner, now.toISOString(),
      ]);
      await tx.query('UPDATE digest_subscriptions SET active = 0, disabled_reason = $1 WHERE id = $2', [reason.slice(0, 300), slot.subscriptionId]);
    });
  }

  async disableWorkspace(platform: DigestPlatform, workspaceId: string, reason: string): Promise<number> {
    const { rowCount } = await this.db.query(
      'UPDATE digest_subscriptions SET active = 0, disabled_reason = $1 WHERE platform = $2 AND workspace_id = $3 AND active = 1',
      [reason.slice(0, 300), platform, workspaceId],
    );
    return rowCount;
  }

  async takeExpiredSlots(platform: DigestPlatform, owner: string, leaseMs: number, limit: number, now: Date = new Date()): Promise<DigestSlot[]> {
    const skipLocked = this.db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const { rows } = await this.db.query(
      `UPDATE digest_deliveries SET owner = $1, lease_until = $2, attempts = attempts + 1
       WHERE (subscription_id, slot) IN (
         SELECT subscription_id, slot FROM digest_deliveries
         WHERE platform = $3 AND state = 'processing' AND lease_until < $4
         ORDER BY created_at LIMIT $5 ${skipLocked}
       )
       RETURNING *`,
      [owner, later(now, leaseMs), platform, now.toISOString(), limit],
    );
    return parseRows(SlotRow, rows);
  }
}
