import type { ChatInputCommandInteraction } from 'discord.js';
import { answerMessage } from './answer-message.ts';
import type { DiscordContext } from './context.ts';
import { withDeadline } from './deadline.ts';
import { QUOTES_PER_PAGE } from './limits.ts';
import { observeQuestion } from '../../web/observe-question.ts';

/**
 * A channel's (thread's, DM's) recent questions are the context of a short follow-up ("and why?").
 * Older ones are left out: a question asked an hour later starts a new conversation.
 */
const FOLLOW_UP_WINDOW_MS = 30 * 60_000;

export function conversationKey(channelId: string): string {
  return `discord:${channelId}`;
}

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
  const conversation = conversationKey(interaction.channelId);
  const history = ctx.conversations.history(conversation, 6, new Date(Date.now() - FOLLOW_UP_WINDOW_MS));
  // The interaction id is unique and already a Discord snowflake: a good answer id.
  const answerId = interaction.id;
  const asked = { surface: 'discord' as const, question: text, userId: interaction.user.id, answerId };
  const answer = await observeQuestion({ corpus: ctx.core.corpus, questions: ctx.questions }, asked, () =>
    withDeadline(ctx.answerTimeoutMs, (signal) =>
      kind === 'ask'
        ? ctx.core.ask(text, { signal, limit: QUOTES_PER_PAGE, history })
        : ctx.core.quotes(text, { signal, limit: QUOTES_PER_PAGE }),
    ),
  );
  if (kind === 'ask') ctx.conversations.add(conversation, { question: text, answer: answer.answer, answerId });
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
