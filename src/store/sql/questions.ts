import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AskedRow, DownVoteRow, QuestionOutcome, QuestionRecord, QuestionStore, TimeRange } from '../state.ts';
import type { SqlExecutor } from './driver.ts';
import { count, instant, parseFirst, parseRows } from './rows.ts';

const Asked = z
  .object({ question: z.string(), surface: z.string(), user_hash: z.string().nullable(), created_at: instant })
  .transform((r): AskedRow => ({ question: r.question, surface: r.surface, userHash: r.user_hash, at: r.created_at }));
const Topic = z.object({ topic: z.string(), asked: count });
const Vote = z
  .object({ question: z.string(), answer: z.string(), platform: z.string(), user_id: z.string(), updated_at: instant })
  .transform((r): DownVoteRow => ({ question: r.question, answer: r.answer, platform: r.platform, userId: r.user_id, at: r.updated_at }));
const Outcome = z.object({ outcome: z.enum(['answered', 'refused', 'failed']), n: count });
const Secret = z.object({ value: z.string().regex(/^[0-9a-f]{64}$/) });

const SECRET_KEY = 'user-hash-secret';

/** Questions asked and how they went (curator insights), and the per-deployment secret that hashes users. */
export class SqlQuestionStore implements QuestionStore {
  constructor(private readonly db: SqlExecutor) {}

  async add(entry: QuestionRecord, now: Date = new Date()): Promise<void> {
    await this.db.query(
      `INSERT INTO questions (surface, user_hash, question, outcome, topic, answer_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.surface, entry.userHash ?? null, entry.question, entry.outcome, entry.topic ?? null, entry.answerId ?? null, now.toISOString()],
    );
  }

  async refused(period: TimeRange, limit = 200): Promise<AskedRow[]> {
    const { rows } = await this.db.query(
      `SELECT question, surface, user_hash, created_at FROM questions
       WHERE outcome = 'refused' AND created_at >= $1 AND created_at < $2 ORDER BY seq DESC LIMIT $3`,
      [period.since.toISOString(), period.until.toISOString(), limit],
    );
    return parseRows(Asked, rows);
  }

  async topTopics(period: TimeRange, limit = 10): Promise<Array<{ topic: string; asked: number }>> {
    const { rows } = await this.db.query(
      `SELECT topic, COUNT(*) AS asked FROM questions
       WHERE topic IS NOT NULL AND created_at >= $1 AND created_at < $2
       GROUP BY topic ORDER BY asked DESC, topic LIMIT $3`,
      [period.since.toISOString(), period.until.toISOString(), limit],
    );
    return parseRows(Topic, rows);
  }

  async outcomes(period: TimeRange): Promise<Record<QuestionOutcome, number>> {
    const counts: Record<QuestionOutcome, number> = { answered: 0, refused: 0, failed: 0 };
    const { rows } = await this.db.query(
      'SELECT outcome, COUNT(*) AS n FROM questions WHERE created_at >= $1 AND created_at < $2 GROUP BY outcome',
      [period.since.toISOString(), period.until.toISOString()],
    );
    for (const row of parseRows(Outcome, rows)) counts[row.outcome] = row.n;
    return counts;
  }

  async downVotes(period: TimeRange, limit = 200): Promise<DownVoteRow[]> {
    const { rows } = await this.db.query(
      `SELECT question, answer, platform, user_id, updated_at FROM feedback
       WHERE vote = -1 AND updated_at >= $1 AND updated_at < $2 ORDER BY updated_at DESC LIMIT $3`,
      [period.since.toISOString(), period.until.toISOString(), limit],
    );
    return parseRows(Vote, rows);
  }

  async deploymentSecret(): Promise<Buffer> {
    // Every replica proposes one; the first written wins and all of them read that one back.
    await this.db.query('INSERT INTO deployment (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [SECRET_KEY, randomBytes(32).toString('hex')]);
    const row = parseFirst(Secret, (await this.db.query('SELECT value FROM deployment WHERE key = $1', [SECRET_KEY])).rows);
    if (!row) throw new Error('deployment secret missing after insert');
    return Buffer.from(row.value, 'hex');
  }
}
