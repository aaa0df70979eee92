import type { SlackDeps } from './deps.ts';

/** Throws a RateLimitError when `userId` asked too often this minute (commands outside the bot's conversation). */
export function checkRateLimit(deps: SlackDeps, userId: string, workspace: string | undefined): Promise<void> {
  return deps.bot.admit({ surface: 'slack', userId, ...(workspace ? { workspace } : {}) });
}

/**
 * Conversation key of a Slack thread (or of a DM's top level when `threadTs` is absent):
 * `slack:<channel>[:<thread>]` with one workspace, `slack@<workspace>:<channel>[:<thread>]` with many,
 * so a thread in one workspace never continues a thread of another with the same ids.
 */
export function conversationKey(channel: string, threadTs?: string, workspace?: string): string {
  const base = `${conversationSpace(workspace)}:${channel}`;
  return threadTs ? `${base}:${threadTs}` : base;
}

/** The part of a conversation key before the channel: the platform, with the workspace when there are many. */
function conversationSpace(workspace: string | undefined | null): string {
  return workspace ? `slack@${workspace}` : 'slack';
}

/** The workspace (many-workspace mode) and channel of a conversation key. */
export function slackPlaceOf(conversation: string): { workspace?: string; channel: string } {
  const [space = '', channel = ''] = conversation.split(':');
  const workspace = space.startsWith('slack@') ? space.slice('slack@'.length) : undefined;
  return workspace ? { workspace, channel } : { channel };
}
