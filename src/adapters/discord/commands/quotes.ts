import { SlashCommandSubcommandBuilder } from 'discord.js';
import { respond } from '../chat-adapter.ts';
import { deferAndRecord } from '../deferred-answer.ts';
import { conversationKey } from '../context.ts';
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
  rateLimited: false,
  async execute(interaction, ctx) {
    const text = requiredText(interaction.options.getString('topic', true), 'topic');
    const message = { surface: 'discord' as const, userId: interaction.user.id, conversation: conversationKey(interaction.channelId), text, delivery: 'command' as const, messageId: interaction.id };
    const reply = await ctx.bot.quotes(message, deferAndRecord(interaction, ctx));
    await respond(ctx, interaction, reply);
  },
  autocomplete: suggestTopics,
} satisfies Subcommand;
