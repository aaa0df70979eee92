import type { ConversationTurn } from '../core.ts';
import type { QuestionLimiter } from '../store/question-limits.ts';
import type { AnswerRecord, DeliveryOutcome, StateStore } from '../store/state.ts';
import type { BotState, FeedbackReport, StoredAnswer } from './state.ts';
import type { Surface } from './types.ts';

/** The writes one answer makes, held back so a delivery can record them with its completion. */
export interface AnswerWrites {
  answer?: StoredAnswer;
  turns: Array<{ conversation: string; userId: string; turn: ConversationTurn & { answerId: string } }>;
}

/**
 * BotState over the async StateStore: the SQLite file by default, PostgreSQL when DATABASE_URL is set,
 * so every replica sees the same answers, turns, votes and rate limits; the console uses it over a
 * SQLite store in memory. A turn is written under the conversation (so `follows` sees the bot answered there)
 * and under the conversation plus the asker, with the answer id (context and paging are per person);
 * a refusal is an answer record that showed no quotes.
 */
export class SharedBotState implements BotState {
  private readonly limiter: QuestionLimiter;

  constructor(
    readonly store: StateStore,
    options: { ratePerMinute: number },
  ) {
    this.limiter = store.questionLimiter(options.ratePerMinute);
  }

  turns(conversation: string, userId: string, window: { limit: number; since: Date }): Promise<ConversationTurn[]> {
    return this.store.conversations.history(personKey(conversation, userId), window.limit, window.since);
  }

  turnsBefore(answerId: string, limit: number): Promise<ConversationTurn[]> {
    return this.store.conversations.historyBefore(answerId, limit);
  }

  async addTurn(conversation: string, userId: string, turn: ConversationTurn & { answerId: string }, now = new Date()): Promise<void> {
    for (const row of turnRows({ conversation, userId, turn })) await this.store.conversations.add(row.conversation, row, now);
  }

  follows(conversation: string): Promise<boolean> {
    return this.store.conversations.has(conversation);
  }

  saveAnswer(record: StoredAnswer, now = new Date()): Promise<void> {
    return this.store.answers.save(answerRow(record), now);
  }

  async answer(id: string): Promise<StoredAnswer | undefined> {
    const row = await this.store.answers.get(id);
    if (!row) return undefined;
    return { id: row.id, surface: row.platform, kind: row.kind, question: row.question, answer: row.answer, shown: row.shown, answered: row.shown > 0 };
  }

  setShown(id: string, shown: number): Promise<void> {
    return this.store.answers.updateShown(id, shown);
  }

  async recordVote(input: { answerId: string; userId: string; surface: Surface; vote: 1 | -1 }, now = new Date()): Promise<void> {
    const record = await this.store.answers.get(input.answerId);
    if (!record) throw new Error(`no answer ${input.answerId}`);
    await this.store.feedback.record(
      { answerId: input.answerId, userId: input.userId, platform: input.surface, vote: input.vote, question: record.question, answer: record.answer },
      now,
    );
  }

  async feedbackReport(limit: number): Promise<FeedbackReport> {
    const rows = await this.store.feedback.report(limit);
    const question = (q: (typeof rows.refused)[number]) => ({ answerId: q.answerId, surface: q.platform, question: q.question, at: q.at });
    return {
      answers: rows.answers.map((a) => ({ answerId: a.answerId, surface: a.platform, question: a.question, answer: a.answer, up: a.up, down: a.down, lastVoteAt: a.lastVoteAt })),
      disliked: rows.disliked.map(question),
      refused: rows.refused.map(question),
    };
  }

  takeQuestionSlot(surface: Surface, userId: string, workspace?: string): Promise<number> {
    // The workspace is given where user ids are only unique within one (Slack installed in many).
    return this.limiter.take({ platform: surface, team: workspace ?? null, user: userId });
  }

  /**
   * Marks a leased delivery done and records the answer's writes in the same transaction; false (and
   * nothing written) when this replica no longer holds the lease.
   */
  completeDelivery(key: string, owner: string, writes: AnswerWrites, now = new Date()): Promise<boolean> {
    const outcome: DeliveryOutcome = {
      ...(writes.answer ? { answer: answerRow(writes.answer) } : {}),
      turns: writes.turns.flatMap(turnRows),
    };
    return this.store.deliveries.complete(key, owner, outcome, now);
  }
}

/** The key of one person's turns within a conversation. */
function personKey(conversation: string, userId: string): string {
  return `${conversation}#${userId}`;
}

function turnRows(write: AnswerWrites['turns'][number]) {
  const { conversation, userId, turn } = write;
  return [
    { conversation, question: turn.question, answer: turn.answer },
    { conversation: personKey(conversation, userId), question: turn.question, answer: turn.answer, answerId: turn.answerId },
  ];
}

function answerRow(record: StoredAnswer): AnswerRecord {
  // Answers always show at least one quote; zero marks a refusal.
  return { id: record.id, platform: record.surface, kind: record.kind, question: record.question, answer: record.answer, shown: record.answered ? Math.max(1, record.shown) : 0 };
}
