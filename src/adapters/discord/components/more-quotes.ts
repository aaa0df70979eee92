import { answerButtons, answerMessage, MORE_QUOTES } from '../answer-message.ts';
import { withDeadline } from '../deadline.ts';
import { QUOTES_PER_PAGE } from '../limits.ts';
import { NO_MENTIONS } from '../mentions.ts';
import { ephemeral } from '../replies.ts';
import { answerRecordFor } from './answer-record.ts';
import type { ButtonHandler } from './types.ts';

/** "More quotes": the next page of quotes for the same question, edited into the same message. */
export const moreQuotes = {
  name: MORE_QUOTES,
  rateLimited: true,
  async execute(interaction, [answerId], ctx) {
    const record = answerRecordFor(ctx, answerId);
    await interaction.deferUpdate();
    const options = { offset: record.shown, limit: QUOTES_PER_PAGE };
    const page = await withDeadline(ctx.answerTimeoutMs, (signal) =>
      record.kind === 'ask'
        ? ctx.core.ask(record.question, { ...options, signal, history: ctx.conversations.historyBefore(record.id) })
        : ctx.core.quotes(record.question, { ...options, signal }),
    );
    if (page.quotes.length === 0) {
      await interaction.editReply({ components: [answerButtons(record.id, false)], allowedMentions: NO_MENTIONS });
      await interaction.followUp(ephemeral("That's every quote I have on this."));
      return;
    }
    // The lead stays the one first given; only the quotes move on.
    const { message, quotesShown } = answerMessage(
      ctx.core,
      { ...page, question: record.question, answer: record.answer },
      { answerId: record.id, kind: record.kind, firstQuoteNumber: record.shown + 1 },
    );
    // A quote too long to show at all is skipped rather than offered again forever.
    ctx.store.updateShown(record.id, record.shown + Math.max(quotesShown, 1));
    await interaction.editReply(message);
  },
} satisfies ButtonHandler;
