import { SlashCommandSubcommandBuilder } from 'discord.js';
import { withDeadline } from '../deadline.ts';
import { NO_MENTIONS } from '../mentions.ts';
import { renderSummaryEmbed } from '../render.ts';
import { optionalText } from './input.ts';
import { suggestTopics } from './topic-autocomplete.ts';
import type { Subcommand } from './types.ts';

/** `/gomez summary [topic]`: a digest of the interviews, or of one topic, posted for everyone. */
export const summary = {
  data: new SlashCommandSubcommandBuilder()
    .setName('summary')
    .setDescription('The main themes of the interviews, or of one topic, each backed by quotes')
    .addStringOption((o) =>
      o.setName('topic').setDescription('Leave empty for the whole interview').setMaxLength(200).setAutocomplete(true),
    ),
  rateLimited: true,
  async execute(interaction, ctx) {
    const topic = optionalText(interaction.options.getString('topic'), 'topic');
    await interaction.deferReply();
    const result = await withDeadline(ctx.answerTimeoutMs, () => ctx.core.summarize({ topic }));
    const embed = renderSummaryEmbed(result, {
      guestName: ctx.core.guestName,
      corpusSources: ctx.core.corpus.sources.map((s) => s.meta.title),
    });
    await interaction.editReply({ content: '', embeds: [embed], components: [], allowedMentions: NO_MENTIONS });
  },
  autocomplete: suggestTopics,
} satisfies Subcommand;
