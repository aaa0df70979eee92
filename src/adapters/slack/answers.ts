import { randomUUID } from 'node:crypto';
import type { ConversationTurn } from '../../core.ts';
import { InputError, RateLimitError } from '../../errors.ts';
import { QUOTES_PER_PAGE, type SlackDeps } from './deps.ts';
import { renderAnswer, type SlackMessage } from './render.ts';
import { recordRateLimited } from '../../web/metrics.ts';
import { observeQuestion } from '../../web/observe-question.ts';

export type AnswerKind = 'ask' | 'quotes';

/** An answer rendered for Slack, already stored so its buttons work after a restart. */
export interface PreparedAnswer {
  answerId: string;
  question: string;
  answerText: string;
  message: SlackMessage;
}

/** Throws a RateLimitError when `userId` asked too often this minute. */
export function checkRateLimit(deps: SlackDeps, userId: string): void {
  const wait = deps.limiter.take(`slack:${userId}`);
  if (wait > 0) {
    recordRateLimited('slack');
    throw new RateLimitError(wait);
  }
}

/**
 * Asks the core, stores the answer record and renders it with its buttons. One quote more than a page is
 * requested so the "More quotes" button is only offered when there are more.
 */
export async function prepareAnswer(
  deps: SlackDeps,
  input: { question: string; kind: AnswerKind; history?: ConversationTurn[]; userId?: string },
): Promise<PreparedAnswer> {
  const question = input.question.trim();
  if (!question) {
    throw new InputError(
      input.kind === 'quotes'
        ? 'Tell me a topic, e.g. `/gomez quotes synthetic data`.'
        : `Ask me what ${deps.core.guestName} said about something, e.g. "What did he say about synthetic data?"`,
    );
  }
  const options = { history: input.history, limit: QUOTES_PER_PAGE + 1 };
  const answerId = randomUUID();
  const asked = { surface: 'slack' as const, question, answerId, ...(input.userId ? { userId: input.userId } : {}) };
  const answer = await observeQuestion({ corpus: deps.core.corpus, questions: deps.questions }, asked, () =>
    input.kind === 'quotes' ? deps.core.quotes(question, options) : deps.core.ask(question, options),
  );
  const shown = Math.min(QUOTES_PER_PAGE, answer.quotes.length);
  deps.store.saveAnswer({ id: answerId, platform: 'slack', kind: input.kind, question, answer: answer.answer, shown });
  const message = renderAnswer(
    { ...answer, quotes: answer.quotes.slice(0, shown) },
    { answerId, moreAvailable: answer.quotes.length > shown, showQuestion: true },
  );
  return { answerId, question, answerText: answer.answer, message };
}

/** Conversation key of a Slack thread (or of a DM's top level when `threadTs` is absent). */
export function conversationKey(channel: string, threadTs?: string): string {
  return threadTs ? `slack:${channel}:${threadTs}` : `slack:${channel}`;
}
