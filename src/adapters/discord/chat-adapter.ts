import { EmbedBuilder, MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type InteractionEditReplyOptions } from 'discord.js';
import { deliver, type ChatAdapter, type Renderable } from '../../bot/adapter.ts';
import type { BotReply } from '../../bot/types.ts';
import type { GomezCore } from '../../core.ts';
import type { DiscordContext } from './context.ts';
import { log } from '../../log.ts';
import { answerMessage } from './answer-message.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { NO_MENTIONS } from './mentions.ts';
import { renderSummaryEmbed } from './render.ts';
import { cutText } from './text-cut.ts';

/** Where a Discord reply goes: the interaction (slash command or button) that asked. */
export type DiscordTarget = ChatInputCommandInteraction | ButtonInteraction;
type DiscordMessage = InteractionEditReplyOptions & { content: string };

const COLOR = 0x39594d;

/** Renders help: what the bot is, example questions, the commands. */
function helpMessage(reply: Extract<Renderable, { type: 'help' }>): DiscordMessage {
  const { help } = reply;
  const embed = new EmbedBuilder()
    .setColor(COLOR)
    .setTitle(cutText(`${help.botName}: what ${help.guestName} said`, DISCORD_LIMITS.embedTitle))
    .setDescription(
      [
        help.intro,
        '',
        '**Try:**',
        ...help.examples.map((e) => `• \`/gomez ask question:${e}\``),
        '',
        '`/gomez quotes topic:<topic>` the best quotes on a topic · `/gomez summary [topic]` the main themes · `/gomez help` this message',
      ].join('\n'),
    );
  return { content: '', embeds: [embed.toJSON()], components: [], allowedMentions: NO_MENTIONS };
}

/**
 * Discord's side of the bot (src/bot/adapter.ts): replies go to the interaction that asked. A slash
 * command's reply is deferred (public) only once the bot starts searching, so notices that come first
 * (rate limit, help) can still be ephemeral; a notice after a public deferral removes the placeholder.
 */
export function discordAdapter(core: GomezCore): ChatAdapter<DiscordTarget, DiscordMessage> {
  return {
    name: 'discord',
    render(reply) {
      switch (reply.type) {
        case 'answer': {
          const { message } = answerMessage(core, reply.page);
          return { ...message, content: '' };
        }
        case 'summary': {
          const embed = renderSummaryEmbed(reply.summary, { guestName: core.guestName, corpusSources: core.corpus.sources.map((s) => s.meta.title) });
          return { content: '', embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
        }
        case 'help':
          return helpMessage(reply);
        case 'notice':
          return { content: cutText(reply.text, DISCORD_LIMITS.content), allowedMentions: NO_MENTIONS };
      }
    },
    async post(interaction, message) {
      if (interaction.deferred || interaction.replied) await interaction.editReply(message);
      else await interaction.reply({ ...message, embeds: message.embeds ?? [], components: message.components ?? [] } as never);
    },
    async edit(interaction, message) {
      await interaction.editReply(message);
    },
    async postPrivately(interaction, message) {
      const privately = { content: message.content || '\u200b', embeds: message.embeds ?? [], flags: MessageFlags.Ephemeral as const, allowedMentions: NO_MENTIONS };
      if (!interaction.deferred && !interaction.replied) {
        await interaction.reply(privately as never);
        return;
      }
      // A public "thinking…" placeholder would stay behind for everyone: remove it (never a button's answer).
      if (interaction.isChatInputCommand() && interaction.deferred && !interaction.replied && !interaction.ephemeral) {
        await interaction.deleteReply().catch((error: unknown) => log.warn('discord: could not remove placeholder', { error }));
      }
      await interaction.followUp(privately as never);
    },
    async react(interaction) {
      // An interaction has no message to react to: the acknowledgement is a private 🙏.
      await this.postPrivately(interaction, { content: '🙏 Glad it helped.', allowedMentions: NO_MENTIONS });
    },
  };
}

/**
 * Delivers a bot reply to an interaction (see deliver in src/bot/adapter.ts). An answer page whose
 * quotes did not all fit in the embed tells the bot, so "More quotes" continues after the last shown.
 */
export async function respond(ctx: DiscordContext, interaction: DiscordTarget, reply: BotReply, how: 'post' | 'edit' = 'post'): Promise<void> {
  // Recorded before posting, so a quick "More quotes" press already continues from the right place.
  if (reply.type === 'answer') await ctx.bot.fitted(reply.page, answerMessage(ctx.core, reply.page).quotesShown);
  await deliver(discordAdapter(ctx.core), interaction, reply, how);
}
