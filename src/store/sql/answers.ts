import { z } from 'zod';
import type { AnswerRecord, AnswerStore, FeedbackInput, FeedbackReportRows, FeedbackStore, FeedbackTally } from '../state.ts';
import type { SqlExecutor } from './driver.ts';
import { feedbackReport } from './feedback-report.ts';
import { count, parseFirst, platform } from './rows.ts';

const AnswerRow = z.object({
  id: z.string(),
  platform,
  kind: z.enum(['ask', 'quotes']),
  question: z.string(),
  answer: z.string(),
  shown: count,
});

/** Written by `answers.save` and by a completed delivery, so both write the same way. */
export async function saveAnswer(db: SqlExecutor, record: AnswerRecord, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO answers (id, platform, kind, question, answer, shown, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET answer = excluded.answer, shown = excluded.shown`,
    [record.id, record.platform, record.kind, record.question, record.answer, record.shown, now.toISOString()],
  );
}

/** What the bot remembers about answers it posted, so buttons under them work on any replica. */
export class SqlAnswerStore implements AnswerStore {
  constructor(private readonly db: SqlExecutor) {}

  save(record: AnswerRecord, now: Date = new Date()): Promise<void> {
    return saveAnswer(this.db, record, now);
  }

  async get(id: string): Promise<AnswerRecord | undefined> {
    const { rows } = await this.db.query('SELECT id, platform, kind, question, answer, shown FROM answers WHERE id = $1', [id]);
    return parseFirst(AnswerRow, rows);
  }

  async updateShown(id: string, shown: number): Promise<void> {
    await this.db.query('UPDATE answers SET shown = $1 WHERE id = $2', [shown, id]);
  }
}

const TallyRow = z.object({ up: count, down: count });

export class SqlFeedbackStore implements FeedbackStore {
  constructor(private readonly db: SqlExecutor) {}

  async record(input: FeedbackInput, now: Date = new Date()): Promise<void> {
    await this.db.query(
      `INSERT INTO feedback (answer_id, user_id, platform, vote, question, answer, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at`,
      [input.answerId, input.userId, input.platform, input.vote, input.question, input.answer, now.toISOString()],
    );
  }

  async tally(answerId: string): Promise<FeedbackTally> {
    const { rows } = await this.db.query(
      `SELECT COALESCE(SUM(CASE WHEN vote = 1 THEN 1 ELSE 0 END), 0) AS up,
              COALESCE(SUM(CASE WHEN vote = -1 THEN 1 ELSE 0 END), 0) AS down
       FROM feedback WHERE answer_id = $1`,
      [answerId],
    );
    return parseFirst(TallyRow, rows) ?? { up: 0, down: 0 };
  }

  report(limit: number): Promise<FeedbackReportRows> {
    return feedbackReport(this.db, limit);
  }
}
