import { SlashCommandSubcommandBuilder } from 'discord.js';
import { answerInteraction } from '../answer-flow.ts';
import { requiredText } from './input.ts';
import type { Subcommand } from './types.ts';

/** `/gomez ask question:<text>`: a short answer with verbatim quotes. */
export const ask = {
  data: new SlashCommandSubcommandBuilder()
    .setName('ask')
    .setDescription('Ask what was said in the interviews; answered with verbatim, sourced quotes')
    .addStringOption((o) =>
      o.setName('question').setDescription('Your question, in English or Chinese').setRequired(true).setMaxLength(1_000),
    ),
  rateLimited: true,
  async execute(interaction, ctx) {
    const question = requiredText(interaction.options.getString('question', true), 'question');
    await answerInteraction(interaction, ctx, 'ask', question);
  },
} satisfies Subcommand;
