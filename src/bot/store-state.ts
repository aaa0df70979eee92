import { z } from 'zod';
import type { ConversationTurn } from '../core.ts';
import { ConversationLog } from '../store/conversations.ts';
import { RateLimiter } from '../store/rate-limit.ts';
import type { Store } from '../store/store.ts';
import type { AnswerVotes, BotState, CuratorQuestion, FeedbackReport, StoredAnswer } from './state.ts';
import type { Surface } from './types.ts';

/**
 * BotState over the SQLite store (src/store), without changing its schema:
 * - a turn is written twice: once under the conversation (so `follows` sees the bot answered there) and
 *   once under the conversation plus the asker, with the answer id (so context and paging are per person);
 * - a refusal is stored as an answer record that showed no quotes (answers always show at least one).
 * The rate limit is kept in memory, as before: a restart forgives everyone.
 */
export class StoreBotState implements BotState {
  private readonly log: ConversationLog;
  private readonly limiter: RateLimiter;

  constructor(
    private readonly store: Store,
    options: { ratePerMinute: number; now?: () => number },
  ) {
    this.log = new ConversationLog(store);
    this.limiter = new RateLimiter(options.ratePerMinute, 60_000, options.now);
  }

  async turns(conversation: string, userId: string, window: { limit: number; since: Date }): Promise<ConversationTurn[]> {
    return this.log.history(personKey(conversation, userId), window.limit, window.since);
  }

  async turnsBefore(answerId: string, limit: number): Promise<ConversationTurn[]> {
    return this.log.historyBefore(answerId, limit);
  }

  async addTurn(conversation: string, userId: string, turn: ConversationTurn & { answerId: string }, now = new Date()): Promise<void> {
    this.store.db.transaction(() => {
      this.log.add(conversation, { question: turn.question, answer: turn.answer }, now);
      this.log.add(personKey(conversation, userId), turn, now);
    })();
  }

  async follows(conversation: string): Promise<boolean> {
    return this.log.has(conversation);
  }

  async saveAnswer(record: StoredAnswer, now = new Date()): Promise<void> {
    this.store.saveAnswer(
      { id: record.id, platform: record.surface, kind: record.kind, question: record.question, answer: record.answer, shown: record.answered ? Math.max(1, record.shown) : 0 },
      now,
    );
  }

  async answer(id: string): Promise<StoredAnswer | undefined> {
    const row = this.store.getAnswer(id);
    if (!row) return undefined;
    return { id: row.id, surface: row.platform, kind: row.kind, question: row.question, answer: row.answer, shown: row.shown, answered: row.shown > 0 };
  }

  async setShown(id: string, shown: number): Promise<void> {
    this.store.updateShown(id, shown);
  }

  async recordVote(input: { answerId: string; userId: string; surface: Surface; vote: 1 | -1 }, now = new Date()): Promise<void> {
    const record = this.store.getAnswer(input.answerId);
    if (!record) throw new Error(`no answer ${input.answerId}`);
    this.store.recordFeedback(
      { answerId: input.answerId, userId: input.userId, platform: input.surface, vote: input.vote, question: record.question, answer: record.answer },
      now,
    );
  }

  async feedbackReport(limit: number): Promise<FeedbackReport> {
    const db = this.store.db;
    const answers = db
      .prepare(
        `SELECT answer_id, platform, question, answer, SUM(vote = 1) AS up, SUM(vote = -1) AS down, MAX(updated_at) AS last_vote_at
         FROM feedback GROUP BY answer_id ORDER BY last_vote_at DESC LIMIT ?`,
      )
      .all(limit)
      .map((row) => VotesRow.parse(row));
    const disliked = db
      .prepare(
        `SELECT answer_id, platform, question, MAX(updated_at) AS at FROM feedback WHERE vote = -1
         GROUP BY answer_id ORDER BY at DESC LIMIT ?`,
      )
      .all(limit)
      .map((row) => QuestionRow.parse(row));
    const refused = db
      .prepare(`SELECT id AS answer_id, platform, question, created_at AS at FROM answers WHERE shown = 0 AND kind = 'ask' ORDER BY created_at DESC, rowid DESC LIMIT ?`)
      .all(limit)
      .map((row) => QuestionRow.parse(row));
    return { answers, disliked, refused };
  }

  async takeQuestionSlot(surface: Surface, userId: string, workspace?: string): Promise<number> {
    return this.limiter.take(workspace ? `${surface}:${workspace}:${userId}` : `${surface}:${userId}`);
  }
}

/** The key of one person's turns within a conversation. */
function personKey(conversation: string, userId: string): string {
  return `${conversation}#${userId}`;
}

const SurfaceName = z.enum(['slack', 'discord', 'cli']);

/** Rows parsed once here, so the report's types can be trusted. */
const VotesRow = z
  .object({
    answer_id: z.string(),
    platform: SurfaceName,
    question: z.string(),
    answer: z.string(),
    up: z.number(),
    down: z.number(),
    last_vote_at: z.string(),
  })
  .transform(
    (r): AnswerVotes => ({ answerId: r.answer_id, surface: r.platform, question: r.question, answer: r.answer, up: r.up, down: r.down, lastVoteAt: r.last_vote_at }),
  );

const QuestionRow = z
  .object({ answer_id: z.string(), platform: SurfaceName, question: z.string(), at: z.string() })
  .transform((r): CuratorQuestion => ({ answerId: r.answer_id, surface: r.platform, question: r.question, at: r.at }));
