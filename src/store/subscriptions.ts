import type { Schedule } from '../digest/schedule.ts';

// The types of digest subscriptions; the StateStore's DigestStore (sql/digests.ts) keeps them.

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
