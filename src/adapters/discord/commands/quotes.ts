import { SlashCommandSubcommandBuilder } from 'discord.js';
import { answerInteraction } from '../answer-flow.ts';
import { requiredText } from './input.ts';
import { suggestTopics } from './topic-autocomplete.ts';
import type { Subcommand } from './types.ts';

/** `/gomez quotes topic:<text>`: the best quotes on a topic, no lead. */
export const quotes = {
  data: new SlashCommandSubcommandBuilder()
    .setName('quotes')
    .setDescription('The best verbatim quotes on a topic')
    .addStringOption((o) =>
      o.setName('topic').setDescription('A topic the interviews cover').setRequired(true).setMaxLength(200).setAutocomplete(true),
    ),
  rateLimited: true,
  async execute(interaction, ctx) {
    const topic = requiredText(interaction.options.getString('topic', true), 'topic');
    await answerInteraction(interaction, ctx, 'quotes', topic);
  },
  autocomplete: suggestTopics,
} satisfies Subcommand;
