import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Frequency, Schedule } from '../digest/schedule.ts';
import type { Store } from './store.ts';

/** What a scheduled post is: a digest of the interviews, or a recap of what the channel asked. */
export type DigestKind = 'summary' | 'recap';

/** Platforms that post scheduled digests. */
export type DigestPlatform = 'discord' | 'slack';

/** A channel's digest subscription, with its schedule state and what the channel saw last. */
export interface Subscription extends Schedule {
  id: string;
  platform: DigestPlatform;
  channelId: string;
  /** Discord guild id or Slack team id, when known. */
  workspaceId: string | null;
  /** Who subscribed (Slack: they may change it; Discord uses channel permissions). */
  subscriberId: string;
  topic: string | null;
  /** What is posted: the digest of the interviews, or the channel's recap of what it asked. */
  kind: DigestKind;
  active: boolean;
  disabledReason: string | null;
  /** ISO instant of the next scheduled digest. */
  nextDueAt: string;
  lastSentAt: string | null;
  /** Theme titles and quote texts of the last digest (rotation). */
  lastThemes: string[];
  lastQuotes: string[];
  /** Corpus source ids at the last digest (new transcripts lead the next one). */
  seenSources: string[];
  /** Consecutive failed attempts at the current digest. */
  failures: number;
}

export interface NewSubscription extends Schedule {
  platform: DigestPlatform;
  channelId: string;
  workspaceId: string | null;
  subscriberId: string;
  topic: string | null;
  kind?: DigestKind;
  nextDueAt: string;
  seenSources: string[];
}

const StringList = z.string().transform((s, ctx) => {
  const parsed = z.array(z.string()).safeParse(JSON.parse(s));
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'not a list of strings' });
    return z.NEVER;
  }
  return parsed.data;
});

/** A row as SQLite returns it, parsed once here so the rest of the code trusts the types. */
const Row = z
  .object({
    id: z.string(),
    platform: z.enum(['discord', 'slack']),
    channel_id: z.string(),
    workspace_id: z.string().nullable(),
    subscriber_id: z.string(),
    every: z.enum(['daily', 'weekly']),
    time: z.string(),
    timezone: z.string(),
    weekday: z.number().int().nullable(),
    topic: z.string().nullable(),
    active: z.number(),
    disabled_reason: z.string().nullable(),
    next_due_at: z.string(),
    last_sent_at: z.string().nullable(),
    last_themes: StringList,
    last_quotes: StringList,
    seen_sources: StringList,
    failures: z.number().int(),
    kind: z.enum(['summary', 'recap']).default('summary'),
  })
  .transform(
    (r): Subscription => ({
      id: r.id,
      platform: r.platform,
      channelId: r.channel_id,
      workspaceId: r.workspace_id,
      subscriberId: r.subscriber_id,
      every: r.every as Frequency,
      time: r.time,
      timezone: r.timezone,
      weekday: r.weekday,
      topic: r.topic,
      kind: r.kind,
      active: r.active === 1,
      disabledReason: r.disabled_reason,
      nextDueAt: r.next_due_at,
      lastSentAt: r.last_sent_at,
      lastThemes: r.last_themes,
      lastQuotes: r.last_quotes,
      seenSources: r.seen_sources,
      failures: r.failures,
    }),
  );

const parseRow = (row: unknown): Subscription => Row.parse(row);

/**
 * Digest subscriptions in the bot's SQLite store: one per channel, so subscribing again replaces the
 * schedule (and re-enables a disabled subscription) while keeping what the channel saw last.
 */
export class SubscriptionStore {
  constructor(private readonly store: Store) {}

  private get db() {
    return this.store.db;
  }

  upsert(input: NewSubscription, now: Date = new Date()): Subscription {
    this.db
      .prepare(
        `INSERT INTO digest_subscriptions
           (id, platform, channel_id, workspace_id, subscriber_id, every, time, timezone, weekday, topic, kind,
            next_due_at, seen_sources, created_at)
         VALUES (@id, @platform, @channelId, @workspaceId, @subscriberId, @every, @time, @timezone, @weekday, @topic, @kind,
            @nextDueAt, @seenSources, @createdAt)
         ON CONFLICT (platform, channel_id) DO UPDATE SET
           workspace_id = excluded.workspace_id, subscriber_id = excluded.subscriber_id, every = excluded.every,
           time = excluded.time, timezone = excluded.timezone, weekday = excluded.weekday, topic = excluded.topic, kind = excluded.kind,
           next_due_at = excluded.next_due_at, active = 1, disabled_reason = NULL, failures = 0`,
      )
      .run({
        id: randomUUID(),
        ...input,
        kind: input.kind ?? 'summary',
        seenSources: JSON.stringify(input.seenSources),
        createdAt: now.toISOString(),
      });
    return this.forChannel(input.platform, input.channelId)!;
  }

  forChannel(platform: DigestPlatform, channelId: string): Subscription | undefined {
    const row = this.db
      .prepare('SELECT * FROM digest_subscriptions WHERE platform = ? AND channel_id = ?')
      .get(platform, channelId);
    return row === undefined ? undefined : parseRow(row);
  }

  get(id: string): Subscription | undefined {
    const row = this.db.prepare('SELECT * FROM digest_subscriptions WHERE id = ?').get(id);
    return row === undefined ? undefined : parseRow(row);
  }

  /** Subscriptions of one workspace (guild/team), or of the platform when no workspace is given. */
  list(platform: DigestPlatform, workspaceId?: string | null): Subscription[] {
    const rows = workspaceId
      ? this.db
          .prepare('SELECT * FROM digest_subscriptions WHERE platform = ? AND workspace_id = ? ORDER BY channel_id')
          .all(platform, workspaceId)
      : this.db.prepare('SELECT * FROM digest_subscriptions WHERE platform = ? ORDER BY channel_id').all(platform);
    return rows.map(parseRow);
  }

  remove(platform: DigestPlatform, channelId: string): boolean {
    return (
      this.db.prepare('DELETE FROM digest_subscriptions WHERE platform = ? AND channel_id = ?').run(platform, channelId)
        .changes === 1
    );
  }

  /** Active subscriptions of a platform whose digest is due at `now`, earliest first. */
  due(platform: DigestPlatform, now: Date): Subscription[] {
    return this.db
      .prepare(
        `SELECT * FROM digest_subscriptions WHERE platform = ? AND active = 1 AND next_due_at <= ?
         ORDER BY next_due_at, channel_id`,
      )
      .all(platform, now.toISOString())
      .map(parseRow);
  }

  /**
   * Takes the digest due at `dueAt` by moving the subscription on to `nextDueAt`. Compare-and-set:
   * only one runner (or one tick) wins a given slot, so a slot is never posted twice.
   */
  claim(id: string, dueAt: string, nextDueAt: string): boolean {
    return (
      this.db
        .prepare('UPDATE digest_subscriptions SET next_due_at = ? WHERE id = ? AND active = 1 AND next_due_at = ?')
        .run(nextDueAt, id, dueAt).changes === 1
    );
  }

  /** Records a posted digest: when, and what it showed (for rotation and new-source detection). */
  recordSent(id: string, sent: { at: Date; themes: string[]; quotes: string[]; sources: string[] }): void {
    this.db
      .prepare(
        `UPDATE digest_subscriptions SET last_sent_at = ?, last_themes = ?, last_quotes = ?, seen_sources = ?,
           failures = 0 WHERE id = ?`,
      )
      .run(sent.at.toISOString(), JSON.stringify(sent.themes), JSON.stringify(sent.quotes), JSON.stringify(sent.sources), id);
  }

  /** Gives a claimed slot back after a passing failure, so the next tick retries it. */
  release(id: string, dueAt: string, failures: number): void {
    this.db.prepare('UPDATE digest_subscriptions SET next_due_at = ?, failures = ? WHERE id = ?').run(dueAt, failures, id);
  }

  resetFailures(id: string): void {
    this.db.prepare('UPDATE digest_subscriptions SET failures = 0 WHERE id = ?').run(id);
  }

  /** Stops a subscription whose channel the bot can no longer post to; subscribing again re-enables it. */
  disable(id: string, reason: string): void {
    this.db
      .prepare('UPDATE digest_subscriptions SET active = 0, disabled_reason = ? WHERE id = ?')
      .run(reason.slice(0, 300), id);
  }
}
