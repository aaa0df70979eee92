import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type InteractionEditReplyOptions } from 'discord.js';
import type { Answer } from '../../answer/types.ts';
import type { GomezCore } from '../../core.ts';
import { customId } from './custom-ids.ts';
import { QUOTES_PER_PAGE } from './limits.ts';
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

/** Whether "More quotes" may find anything: a full page was returned, or not all of it fitted. */
function moreAvailable(answer: Answer, quotesShown: number): boolean {
  if (!answer.answered || quotesShown === 0) return false;
  return quotesShown < answer.quotes.length || answer.quotes.length >= QUOTES_PER_PAGE;
}

/** The full edit for an answer page: embed, buttons, no mentions. */
export function answerMessage(
  core: GomezCore,
  answer: Answer,
  page: { answerId: string; kind: 'ask' | 'quotes'; firstQuoteNumber: number },
): { message: InteractionEditReplyOptions; quotesShown: number } {
  const { embed, quotesShown } = renderAnswerEmbed(answer, {
    kind: page.kind,
    firstQuoteNumber: page.firstQuoteNumber,
    corpusSources: core.corpus.sources.map((s) => s.meta.title),
  });
  return {
    message: {
      content: '',
      embeds: [embed],
      components: [answerButtons(page.answerId, moreAvailable(answer, quotesShown))],
      allowedMentions: NO_MENTIONS,
    },
    quotesShown,
  };
}
