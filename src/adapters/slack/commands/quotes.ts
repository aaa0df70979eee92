import { commandMessage, postCommandReply } from './answer-command.ts';
import type { Subcommand } from './types.ts';

/** `/gomez quotes <topic>`: the best quotes on a topic, posted in the channel. */
export const quotesCommand = {
  name: 'quotes',
  usage: '/gomez quotes <topic>',
  description: 'the best verbatim quotes on a topic',
  rateLimited: false,
  run: async (ctx, topic) => postCommandReply(ctx, await ctx.deps.bot.quotes(commandMessage(ctx, topic.trim()))),
} satisfies Subcommand;
