import type { ConversationStore } from './state.ts';

/** A question asked in a channel (or one of its threads), as the conversation log recorded it. */
export interface ChannelQuestion {
  question: string;
  answer: string;
  at: string;
}

/**
 * Questions asked in one channel between `since` (inclusive) and `until` (exclusive), oldest first,
 * read from the conversation log: Slack keys are `slack:<channel>` and `slack:<channel>:<thread>`,
 * Discord keys `discord:<channel>` (src/adapters/*).
 */
export function channelQuestions(
  conversations: ConversationStore,
  where: { platform: 'slack' | 'discord'; channelId: string },
  since: Date,
  until: Date,
): Promise<ChannelQuestion[]> {
  // Channel ids are letters and digits; anything else is refused rather than put into a LIKE pattern.
  if (!/^[A-Za-z0-9_-]+$/.test(where.channelId)) return Promise.resolve([]);
  return conversations.under(`${where.platform}:${where.channelId}`, since, until);
}
