import { SlashCommandSubcommandBuilder } from 'discord.js';
import { respond } from '../chat-adapter.ts';
import { deferAndRecord } from '../deferred-answer.ts';
import { conversationKey } from '../context.ts';
import { requiredText } from './input.ts';
import type { Subcommand } from './types.ts';

/** `/gomez ask question:<text>`: a short answer with verbatim quotes (help, thanks… are read as such). */
export const ask = {
  data: new SlashCommandSubcommandBuilder()
    .setName('ask')
    .setDescription('Ask what was said in the interviews; answered with verbatim, sourced quotes')
    .addStringOption((o) =>
      o.setName('question').setDescription('Your question, in English or Chinese').setRequired(true).setMaxLength(1_000),
    ),
  // The bot counts questions itself (src/bot), so a "thanks" or "help" costs nothing.
  rateLimited: false,
  async execute(interaction, ctx) {
    const text = requiredText(interaction.options.getString('question', true), 'question');
    const message = { surface: 'discord' as const, userId: interaction.user.id, conversation: conversationKey(interaction.channelId), text, delivery: 'command' as const, messageId: interaction.id };
    const reply = await ctx.bot.handle(message, deferAndRecord(interaction, ctx));
    await respond(ctx, interaction, reply);
  },
} satisfies Subcommand;
