import type { Summary } from '../answer/types.ts';
import type { Subscription } from '../store/subscriptions.ts';

/** One scheduled digest, ready to post. */
export interface Digest {
  summary: Summary;
  /** The scheduled time this digest is for (the earliest missed one after downtime). */
  scheduledFor: Date;
  /** Scheduled times that passed while the bot was down, folded into this one digest (1 = on time). */
  slots: number;
  /** Corpus sources new since the channel's last digest (the digest leads with them). */
  newSources: string[];
  /** The same for every attempt at this slot (Discord drops a repeat post with enforce_nonce). */
  nonce: string;
}

/** Posts digests into one platform's channels (the adapters implement it with their render module). */
export interface DigestPoster {
  post(subscription: Subscription, digest: Digest): Promise<void>;
}

/**
 * The bot can no longer post to the channel (removed, archived, deleted, access revoked): the
 * subscription is disabled rather than retried.
 */
export class ChannelGoneError extends Error {
  constructor(
    readonly channelId: string,
    readonly reason: string,
  ) {
    super(`cannot post to channel ${channelId}: ${reason}`);
    this.name = 'ChannelGoneError';
  }
}
