import { postCommandReply } from './answer-command.ts';
import type { Subcommand } from './types.ts';

/** `/gomez summary [topic]`: the main themes (of everything, or of one topic), posted in the channel. */
export const summaryCommand = {
  name: 'summary',
  usage: '/gomez summary [topic]',
  description: 'the main themes, each backed by quotes',
  rateLimited: false,
  run: async (ctx, topic) => postCommandReply(ctx, await ctx.deps.bot.summary({ surface: 'slack', userId: ctx.command.user_id }, topic.trim() || null)),
} satisfies Subcommand;
