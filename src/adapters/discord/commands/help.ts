import { SlashCommandSubcommandBuilder } from 'discord.js';
import { respond } from '../chat-adapter.ts';
import type { Subcommand } from './types.ts';

/** `/gomez help`: what the bot does, example questions from the corpus topics, the commands (only to the caller). */
export const help = {
  data: new SlashCommandSubcommandBuilder().setName('help').setDescription('What I can do, with example questions'),
  rateLimited: false,
  async execute(interaction, ctx) {
    await respond(ctx, interaction, ctx.bot.help(true));
  },
} satisfies Subcommand;
