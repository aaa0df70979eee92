import { log } from '../log.ts';
import type { BotReply } from './types.ts';

/** A reply that becomes a message (everything but a reaction or silence). */
export type Renderable = Extract<BotReply, { type: 'answer' | 'summary' | 'help' | 'notice' }>;

/**
 * What a platform implements to speak for the bot, in the spirit of vercel/chat's Adapter: it renders
 * the bot's plain results and knows how to post them. It decides nothing: which message gets an
 * answer, a reaction, silence or a private notice is the bot's call (bot.ts), and `deliver` below
 * routes it the same way on every surface. `Target` is where the message came from (a thread, an
 * interaction, the terminal); `Message` is the rendered platform payload.
 */
export interface ChatAdapter<Target, Message> {
  readonly name: string;
  render(reply: Renderable): Message;
  /** Posts for everyone where the message came from. */
  post(target: Target, message: Message): Promise<void>;
  /** Replaces the answer a button was pressed on ("More quotes"). */
  edit(target: Target, message: Message): Promise<void>;
  /** Shows a message to the asker alone (Slack ephemeral, Discord ephemeral, the console). */
  postPrivately(target: Target, message: Message): Promise<void>;
  /** Acknowledges thanks: a reaction on the message where the platform has them. */
  react(target: Target): Promise<void>;
}

const CANNOT_POST = "I couldn't post my answer here (I may not be allowed to post in this channel). Try a DM, or ask an admin to add me.";

/**
 * Routes one reply: answers, summaries and help are posted for everyone; notices only to the asker;
 * thanks gets a reaction; chatter nothing. When posting fails, the asker is told privately.
 */
export async function deliver<T, M>(adapter: ChatAdapter<T, M>, target: T, reply: BotReply, how: 'post' | 'edit' = 'post'): Promise<void> {
  if (reply.type === 'ignore') return;
  if (reply.type === 'acknowledge') {
    await adapter.react(target).catch((error: unknown) => log.warn(`${adapter.name}: could not react`, { error }));
    return;
  }
  if (reply.type === 'notice' || (reply.type === 'help' && reply.privately)) {
    await adapter.postPrivately(target, adapter.render(reply));
    return;
  }
  try {
    const message = adapter.render(reply);
    await (how === 'edit' ? adapter.edit(target, message) : adapter.post(target, message));
  } catch (error) {
    log.error(`${adapter.name}: could not post a reply`, { error });
    await adapter
      .postPrivately(target, adapter.render({ type: 'notice', text: CANNOT_POST, reason: 'cannot-post' }))
      .catch((noticeError: unknown) => log.error(`${adapter.name}: could not tell the asker either`, { error: noticeError }));
  }
}
