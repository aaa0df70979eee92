import { SlashCommandSubcommandBuilder } from 'discord.js';
import { channelRecap, DEFAULT_RECAP_DAYS } from '../../../digest/channel-recap.ts';
import { withDeadline } from '../deadline.ts';
import { NO_MENTIONS } from '../mentions.ts';
import { renderSummaryEmbed } from '../render.ts';
import type { Subcommand } from './types.ts';

/** `/gomez recap [days]`: what this channel asked, the best quote each question got, and the gaps. */
export const recap = {
  data: new SlashCommandSubcommandBuilder()
    .setName('recap')
    .setDescription("What this channel asked: top questions, best quotes, what the interviews don't cover")
    .addIntegerOption((o) => o.setName('days').setDescription(`How far back (default ${DEFAULT_RECAP_DAYS})`).setMinValue(1).setMaxValue(90)),
  rateLimited: true,
  async execute(interaction, ctx) {
    const days = interaction.options.getInteger('days') ?? DEFAULT_RECAP_DAYS;
    await interaction.deferReply();
    const result = await withDeadline(ctx.answerTimeoutMs, () =>
      channelRecap(ctx.core, ctx.store, { platform: 'discord', channelId: interaction.channelId }, days),
    );
    const embed = renderSummaryEmbed(result, {
      guestName: ctx.core.guestName,
      corpusSources: ctx.core.corpus.sources.map((s) => s.meta.title),
    });
    await interaction.editReply({ content: '', embeds: [embed], components: [], allowedMentions: NO_MENTIONS });
  },
} satisfies Subcommand;
