import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type InteractionEditReplyOptions } from 'discord.js';
import type { AnswerPage } from '../../bot/types.ts';
import type { GomezCore } from '../../core.ts';
import { customId } from './custom-ids.ts';
import { NO_MENTIONS } from './mentions.ts';
import { renderAnswerEmbed } from './render.ts';

export const MORE_QUOTES = 'more';
export const VOTE = 'vote';

/** "More quotes", 👍 and 👎 under an answer; the answer id in each custom id finds it in the store. */
export function answerButtons(answerId: string, moreAvailable: boolean): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(customId(MORE_QUOTES, answerId))
      .setLabel('More quotes')
      .setStyle(ButtonStyle.Primary)
      .setDisabled(!moreAvailable),
    new ButtonBuilder().setCustomId(customId(VOTE, 'up', answerId)).setEmoji('👍').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(customId(VOTE, 'down', answerId)).setEmoji('👎').setStyle(ButtonStyle.Secondary),
  );
}

/** The full edit for an answer page: embed, buttons, no mentions. */
export function answerMessage(core: GomezCore, page: AnswerPage): { message: InteractionEditReplyOptions; quotesShown: number } {
  const { embed, quotesShown } = renderAnswerEmbed(page.answer, {
    kind: page.kind,
    firstQuoteNumber: page.firstQuoteNumber,
    corpusSources: core.corpus.sources.map((s) => s.meta.title),
  });
  // Whether more exists is the bot's call (it asked for one quote beyond the page).
  const more = page.moreAvailable || quotesShown < page.answer.quotes.length;
  return {
    message: { content: '', embeds: [embed], components: [answerButtons(page.answerId, more)], allowedMentions: NO_MENTIONS },
    quotesShown,
  };
}
