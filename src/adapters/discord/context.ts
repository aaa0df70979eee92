import type { Bot } from '../../bot/bot.ts';
import type { DeliveryLease } from '../../bot/lease.ts';
import type { SharedBotState } from '../../bot/shared-state.ts';
import type { GomezCore } from '../../core.ts';
import type { StateStore } from '../../store/state.ts';

/** What every Discord command and button handler gets: the bot (conversation), the core and the store. */
export interface DiscordContext {
  /** The platform-neutral conversation layer: asking, paging, votes, help, limits (src/bot). */
  bot: Bot;
  core: GomezCore;
  /** Digest subscriptions and interaction deliveries (SQLite or PostgreSQL). */
  store: StateStore;
  /** The bot's state over that store: leased deliveries complete through it. */
  state: SharedBotState;
  /** How long an interaction's lease lasts without being extended. */
  leaseMs: number;
  /** The lease of the interaction being handled: an answer records its deferred reply there. */
  lease?: DeliveryLease;
}

/** A channel's (thread's, DM's) conversation key; the bot keeps each person's context within it. */
export function conversationKey(channelId: string): string {
  return `discord:${channelId}`;
}
