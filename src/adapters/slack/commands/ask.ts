import { commandMessage, postCommandReply } from './answer-command.ts';
import type { Subcommand } from './types.ts';

/** `/gomez <question>`: the answer posted in the channel; its thread takes follow-ups. */
export const askCommand = {
  name: 'ask',
  usage: '/gomez <question>',
  description: 'an answer with verbatim quotes, posted in the channel',
  // The bot counts questions itself (src/bot), so "thanks" or "help" costs nothing.
  rateLimited: false,
  run: async (ctx, question) => postCommandReply(ctx, await ctx.deps.bot.handle(commandMessage(ctx, question.trim()))),
} satisfies Subcommand;
