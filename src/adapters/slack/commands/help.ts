import { renderHelp } from '../render.ts';
import type { Subcommand } from './types.ts';

/** `/gomez help`: usage, shown only to the caller. Lists every registered subcommand. */
export function helpCommand(list: () => Subcommand[]): Subcommand {
  return {
    name: 'help',
    usage: '/gomez help',
    description: 'this message',
    rateLimited: false,
    async run(ctx) {
      await ctx.replyPrivately(renderHelp(ctx.deps.core.botName, ctx.deps.core.guestName, list()));
    },
  };
}
