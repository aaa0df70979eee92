import type { App } from '@slack/bolt';
import { conversationKey } from '../answers.ts';
import type { SlackDeps } from '../deps.ts';
import { mentionsOtherUser, mentionsUser, messageToPlainText } from '../mrkdwn.ts';
import { MessageEvent } from '../payloads.ts';
import { replyToMessage, type IncomingQuestion } from './reply.ts';

/**
 * Plain messages: every DM to the bot, and follow-ups in threads the bot has answered in. Edits, joins
 * and other subtypes, bots' posts, top-level channel chatter and mentions (app_mention answers those)
 * are left alone.
 */
export function registerMessages(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, context, client }) => {
    const parsed = MessageEvent.safeParse(event);
    if (!parsed.success) return;
    const incoming = questionIn(parsed.data, deps, context.botUserId);
    if (incoming) await replyToMessage(deps, client, incoming);
  });
}

function questionIn(message: MessageEvent, deps: SlackDeps, botUserId: string | undefined): IncomingQuestion | undefined {
  if (message.subtype || message.bot_id || !message.user || message.user === botUserId) return undefined;
  const base = { userId: message.user, text: messageToPlainText(message.text, botUserId), messageKey: `${message.channel}:${message.ts}` };
  if (message.channel_type === 'im') {
    return { ...base, place: { channel: message.channel, threadTs: message.thread_ts }, conversation: conversationKey(message.channel, message.thread_ts) };
  }
  if (!message.thread_ts || mentionsUser(message.text, botUserId)) return undefined;
  const conversation = conversationKey(message.channel, message.thread_ts);
  if (!deps.conversations.has(conversation)) return undefined;
  // People in the thread talking to each other ("@ana what do you think?") are not asking the bot.
  if (mentionsOtherUser(message.text, botUserId)) return undefined;
  return { ...base, place: { channel: message.channel, threadTs: message.thread_ts }, conversation };
}
