import { VOTE } from '../answer-message.ts';
import { respond } from '../chat-adapter.ts';
import type { ButtonHandler } from './types.ts';

const VOTES = { up: 1, down: -1 } as const;

/** 👍 / 👎 under an answer: one vote per user per answer; pressing again changes it. */
export const feedback = {
  name: VOTE,
  rateLimited: false,
  async execute(interaction, [direction, answerId], ctx) {
    const vote = direction === 'up' || direction === 'down' ? VOTES[direction] : null;
    if (vote === null) throw new Error(`unknown vote direction ${String(direction)}`);
    await respond(ctx, interaction, await ctx.bot.vote(answerId ?? '', { surface: 'discord', userId: interaction.user.id }, vote));
  },
} satisfies ButtonHandler;
