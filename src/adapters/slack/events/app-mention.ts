import type { App } from '@slack/bolt';
import { conversationKey } from '../answers.ts';
import type { SlackDeps } from '../deps.ts';
import { messageToPlainText } from '../mrkdwn.ts';
import { MentionEvent } from '../payloads.ts';
import { requestWorkspace } from '../workspaces.ts';
import { replyToMessage } from './reply.ts';

/** `@bot <text>` in a channel: always answered, in the message's thread (a new one, or the one it is in). */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, context, client }) => {
    const parsed = MentionEvent.safeParse(event);
    if (!parsed.success) return;
    const mention = parsed.data;
    if (mention.bot_id || mention.subtype || !mention.user) return;
    const threadTs = mention.thread_ts ?? mention.ts;
    const workspace = requestWorkspace(deps.workspaces, context);
    await replyToMessage(deps, client, {
      userId: mention.user,
      text: messageToPlainText(mention.text, context.botUserId),
      channel: mention.channel,
      threadTs,
      ts: mention.ts,
      conversation: conversationKey(mention.channel, threadTs, workspace.key),
      delivery: 'mention',
      ...workspace.ids,
      ...(workspace.key ? { workspace: workspace.key } : {}),
    });
  });
}
