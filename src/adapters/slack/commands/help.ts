import { renderHelpText } from '../render.ts';
import type { Subcommand } from './types.ts';

/** `/gomez help`: example questions from the corpus topics and every subcommand, shown only to the caller. */
export function helpCommand(list: () => Subcommand[]): Subcommand {
  return {
    name: 'help',
    usage: '/gomez help',
    description: 'this message',
    rateLimited: false,
    async run(ctx) {
      const reply = ctx.deps.bot.help(true);
      if (reply.type === 'help') await ctx.replyPrivately(renderHelpText(reply.help, list()));
    },
  };
}
