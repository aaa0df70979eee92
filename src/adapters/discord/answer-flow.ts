import type { ChatInputCommandInteraction } from 'discord.js';
import { answerMessage } from './answer-message.ts';
import type { DiscordContext } from './context.ts';
import { withDeadline } from './deadline.ts';
import { QUOTES_PER_PAGE } from './limits.ts';

/**
 * Defers at once (Discord allows 3 s to acknowledge), asks the core, remembers the answer for its
 * buttons, then edits the placeholder into the answer embed.
 */
export async function answerInteraction(
  interaction: ChatInputCommandInteraction,
  ctx: DiscordContext,
  kind: 'ask' | 'quotes',
  text: string,
): Promise<void> {
  await interaction.deferReply();
  const answer = await withDeadline(ctx.answerTimeoutMs, (signal) =>
    kind === 'ask'
      ? ctx.core.ask(text, { signal, limit: QUOTES_PER_PAGE })
      : ctx.core.quotes(text, { signal, limit: QUOTES_PER_PAGE }),
  );
  // The interaction id is unique and already a Discord snowflake: a good answer id.
  const answerId = interaction.id;
  const { message, quotesShown } = answerMessage(ctx.core, answer, { answerId, kind, firstQuoteNumber: 1 });
  ctx.store.saveAnswer({
    id: answerId,
    platform: 'discord',
    kind,
    question: text,
    answer: answer.answer,
    shown: quotesShown,
  });
  await interaction.editReply(message);
}
