import type { webApi } from '@slack/bolt';
import type { Delivery } from '../../../bot/types.ts';
import { respondIn, threadProgress, type SlackTarget } from '../chat-adapter.ts';
import type { SlackDeps } from '../deps.ts';
import { recordDedupeHit } from '../../../web/metrics.ts';

/** A message for the bot from a mention, a DM or a thread it answered in. */
export interface IncomingMessage {
  userId: string;
  /** Plain text of the message, the bot's mention removed. */
  text: string;
  channel: string;
  /** The thread the reply goes in (absent for a DM's top level). */
  threadTs?: string;
  /** The message's own ts (reactions). */
  ts: string;
  /** Conversation whose earlier turns (of this person) are the context of this one. */
  conversation: string;
  delivery: Delivery;
}

/**
 * Hands one message to the bot and delivers what it decides: an answer or help in the thread, a
 * reaction for thanks, nothing for chatter, private notices for limits and failures. Each message is
 * answered once, whichever event delivered it.
 */
export async function replyToMessage(deps: SlackDeps, client: webApi.WebClient, incoming: IncomingMessage): Promise<void> {
  // app_mention and message events both arrive for a mention in a followed thread: answer only once.
  if (!deps.store.claimEvent(`slack:message:${incoming.channel}:${incoming.ts}`)) {
    recordDedupeHit('slack');
    return;
  }
  const target: SlackTarget = { via: 'thread', client, channel: incoming.channel, userId: incoming.userId, threadTs: incoming.threadTs, messageTs: incoming.ts };
  const reply = await deps.bot.handle(
    { surface: 'slack', userId: incoming.userId, conversation: incoming.conversation, text: incoming.text, delivery: incoming.delivery },
    threadProgress(target),
  );
  await respondIn(deps.core, target, reply);
}
