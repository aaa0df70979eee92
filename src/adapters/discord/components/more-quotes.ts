import { MORE_QUOTES } from '../answer-message.ts';
import { respond } from '../chat-adapter.ts';
import type { ButtonHandler } from './types.ts';

/** "More quotes": the next page of the same ranking (never a new model call), edited into the same message. */
export const moreQuotes = {
  name: MORE_QUOTES,
  rateLimited: false,
  async execute(interaction, [answerId], ctx) {
    const reply = await ctx.bot.more(answerId ?? '', { surface: 'discord', userId: interaction.user.id }, {
      searching: async () => void (await interaction.deferUpdate()),
    });
    await respond(ctx, interaction, reply, 'edit');
  },
} satisfies ButtonHandler;
