import { SlashCommandSubcommandBuilder } from 'discord.js';
import { respond } from '../chat-adapter.ts';
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
  rateLimited: false,
  async execute(interaction, ctx) {
    const topic = optionalText(interaction.options.getString('topic'), 'topic');
    const asker = { surface: 'discord' as const, userId: interaction.user.id };
    const reply = await ctx.bot.summary(asker, topic, { searching: async () => void (await interaction.deferReply()) });
    await respond(ctx, interaction, reply);
  },
  autocomplete: suggestTopics,
} satisfies Subcommand;
