import type { App } from '@slack/bolt';
import { conversationKey } from '../answers.ts';
import type { SlackDeps } from '../deps.ts';
import { mentionsOtherUser, mentionsUser, messageToPlainText } from '../mrkdwn.ts';
import { MessageEvent } from '../payloads.ts';
import { requestWorkspace, type RequestWorkspace } from '../workspaces.ts';
import { replyToMessage, type IncomingMessage } from './reply.ts';

/**
 * Plain messages: DMs to the bot, and messages in threads the bot has answered in (the bot answers
 * those only when they are questions). Edits, joins and other subtypes, bots' posts, top-level channel
 * chatter and mentions (app_mention answers those) are left alone.
 */
export function registerMessages(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, context, client }) => {
    const parsed = MessageEvent.safeParse(event);
    if (!parsed.success) return;
    const incoming = await messageFor(parsed.data, deps, context.botUserId, requestWorkspace(deps.workspaces, context));
    if (incoming) await replyToMessage(deps, client, incoming);
  });
}

async function messageFor(
  message: MessageEvent,
  deps: SlackDeps,
  botUserId: string | undefined,
  workspace: RequestWorkspace,
): Promise<IncomingMessage | undefined> {
  if (message.subtype || message.bot_id || !message.user || message.user === botUserId) return undefined;
  const base = {
    userId: message.user,
    text: messageToPlainText(message.text, botUserId),
    channel: message.channel,
    ts: message.ts,
    threadTs: message.thread_ts,
    ...workspace.ids,
    ...(workspace.key ? { workspace: workspace.key } : {}),
  };
  if (message.channel_type === 'im') {
    return { ...base, conversation: conversationKey(message.channel, message.thread_ts, workspace.key), delivery: 'direct' };
  }
  if (!message.thread_ts || mentionsUser(message.text, botUserId)) return undefined;
  const conversation = conversationKey(message.channel, message.thread_ts, workspace.key);
  if (!(await deps.bot.follows(conversation))) return undefined;
  // People in the thread talking to each other ("@ana what do you think?") are not asking the bot.
  if (mentionsOtherUser(message.text, botUserId)) return undefined;
  return { ...base, conversation, delivery: 'thread' };
}
