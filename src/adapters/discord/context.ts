import type { Bot } from '../../bot/bot.ts';
import type { GomezCore } from '../../core.ts';
import type { Store } from '../../store/store.ts';

/** What every Discord command and button handler gets: the bot (conversation), the core and the store. */
export interface DiscordContext {
  /** The platform-neutral conversation layer: asking, paging, votes, help, limits (src/bot). */
  bot: Bot;
  core: GomezCore;
  /** Digest subscriptions and event dedupe. */
  store: Store;
}

/** A channel's (thread's, DM's) conversation key; the bot keeps each person's context within it. */
export function conversationKey(channelId: string): string {
  return `discord:${channelId}`;
}
