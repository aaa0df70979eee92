import type { SlackDeps } from './deps.ts';

/** Throws a RateLimitError when `userId` asked too often this minute (commands outside the bot's conversation). */
export function checkRateLimit(deps: SlackDeps, userId: string): Promise<void> {
  return deps.bot.admit({ surface: 'slack', userId });
}

/** Conversation key of a Slack thread (or of a DM's top level when `threadTs` is absent). */
export function conversationKey(channel: string, threadTs?: string): string {
  return threadTs ? `slack:${channel}:${threadTs}` : `slack:${channel}`;
}

/** The channel of a conversation key (`slack:<channel>[:<thread>]`). */
export function slackChannelOf(conversation: string): string {
  return conversation.split(':')[1] ?? '';
}
