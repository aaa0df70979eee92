import type { BotReply } from '../../../bot/types.ts';
import { conversationKey } from '../answers.ts';
import { respondIn, type SlackTarget } from '../chat-adapter.ts';
import type { SlashContext } from './types.ts';

/** A slash command's target: answers posted to the channel, notices only to the caller. */
export function commandTarget(ctx: SlashContext): SlackTarget {
  return { via: 'command', client: ctx.client, channel: ctx.command.channel_id, userId: ctx.command.user_id, respond: ctx.respond };
}

/** The caller as the bot sees a slash command: addressed, in the channel's conversation. */
export function commandMessage(ctx: SlashContext, text: string) {
  return {
    surface: 'slack' as const,
    userId: ctx.command.user_id,
    conversation: conversationKey(ctx.command.channel_id, undefined, ctx.workspace.key),
    text,
    delivery: 'command' as const,
    ...(ctx.workspace.key ? { workspace: ctx.workspace.key } : {}),
  };
}

/**
 * Posts the bot's reply for the channel; an answer the bot posted itself starts a thread whose replies
 * are the caller's follow-ups. Shared by `/gomez <question>` and `/gomez quotes <topic>`.
 */
export async function postCommandReply(ctx: SlashContext, reply: BotReply): Promise<void> {
  const target = commandTarget(ctx);
  await respondIn(ctx.deps.core, target, reply);
  if (reply.type === 'answer' && target.postedTs) {
    await ctx.deps.bot.startedThread(reply.page, conversationKey(ctx.command.channel_id, target.postedTs, ctx.workspace.key), ctx.command.user_id);
  }
}
