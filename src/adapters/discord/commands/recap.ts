import { SlashCommandSubcommandBuilder } from 'discord.js';
import { DEFAULT_RECAP_DAYS } from '../../../digest/channel-recap.ts';
import { respond } from '../chat-adapter.ts';
import { conversationKey } from '../context.ts';
import type { Subcommand } from './types.ts';

/** `/gomez recap [days]`: what this channel asked, the best quote each question got, and the gaps. */
export const recap = {
  data: new SlashCommandSubcommandBuilder()
    .setName('recap')
    .setDescription("What this channel asked: top questions, best quotes, what the interviews don't cover")
    .addIntegerOption((o) => o.setName('days').setDescription(`How far back (default ${DEFAULT_RECAP_DAYS})`).setMinValue(1).setMaxValue(90)),
  rateLimited: false,
  async execute(interaction, ctx) {
    const days = interaction.options.getInteger('days') ?? DEFAULT_RECAP_DAYS;
    const message = {
      surface: 'discord' as const,
      userId: interaction.user.id,
      conversation: conversationKey(interaction.channelId),
      text: `recap ${days}`,
      delivery: 'command' as const,
    };
    const reply = await ctx.bot.recap(message, String(days), { searching: async () => void (await interaction.deferReply()) });
    await respond(ctx, interaction, reply);
  },
} satisfies Subcommand;
