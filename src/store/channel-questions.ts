import type { ConversationStore } from './state.ts';

/** A question asked in a channel (or one of its threads), as the conversation log recorded it. */
export interface ChannelQuestion {
  question: string;
  answer: string;
  at: string;
}

/**
 * Questions asked in one channel between `since` (inclusive) and `until` (exclusive), oldest first,
 * read from the conversation log: Slack keys are `slack:<channel>` and `slack:<channel>:<thread>`
 * (`slack@<workspace>:…` when the app serves many workspaces: `workspace` names it), Discord keys
 * `discord:<channel>` (src/adapters/*).
 */
export function channelQuestions(
  conversations: ConversationStore,
  where: { platform: 'slack' | 'discord'; channelId: string; workspace?: string | undefined },
  since: Date,
  until: Date,
): Promise<ChannelQuestion[]> {
  // Channel ids are letters and digits; anything else is refused rather than put into a LIKE pattern.
  const id = /^[A-Za-z0-9_-]+$/;
  if (!id.test(where.channelId) || (where.workspace !== undefined && !id.test(where.workspace))) return Promise.resolve([]);
  const space = where.workspace ? `${where.platform}@${where.workspace}` : where.platform;
  return conversations.under(`${space}:${where.channelId}`, since, until);
}
