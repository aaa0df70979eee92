import { z } from 'zod';
import type { FeedbackReportRows, FlaggedQuestion, VoteSummary } from '../state.ts';
import type { SqlExecutor } from './driver.ts';
import { count, instant, parseRows, platform } from './rows.ts';

const VotesRow = z
  .object({ answer_id: z.string(), platform, question: z.string(), answer: z.string(), up: count, down: count, last_vote_at: instant })
  .transform(
    (r): VoteSummary => ({ answerId: r.answer_id, platform: r.platform, question: r.question, answer: r.answer, up: r.up, down: r.down, lastVoteAt: r.last_vote_at }),
  );

const QuestionRow = z
  .object({ answer_id: z.string(), platform, question: z.string(), at: instant })
  .transform((r): FlaggedQuestion => ({ answerId: r.answer_id, platform: r.platform, question: r.question, at: r.at }));

/**
 * Votes per answer, the questions behind 👎 and the refused questions, newest first. Written for both
 * engines: PostgreSQL wants every selected column aggregated or grouped, and has no rowid.
 */
export async function feedbackReport(db: SqlExecutor, limit: number): Promise<FeedbackReportRows> {
  const answers = await db.query(
    `SELECT answer_id, MIN(platform) AS platform, MIN(question) AS question, MIN(answer) AS answer,
            SUM(CASE WHEN vote = 1 THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN vote = -1 THEN 1 ELSE 0 END) AS down,
            MAX(updated_at) AS last_vote_at
     FROM feedback GROUP BY answer_id ORDER BY last_vote_at DESC, answer_id LIMIT $1`,
    [limit],
  );
  const disliked = await db.query(
    `SELECT answer_id, MIN(platform) AS platform, MIN(question) AS question, MAX(updated_at) AS at FROM feedback
     WHERE vote = -1 GROUP BY answer_id ORDER BY at DESC, answer_id LIMIT $1`,
    [limit],
  );
  const refused = await db.query(
    `SELECT id AS answer_id, platform, question, created_at AS at FROM answers WHERE shown = 0 AND kind = 'ask'
     ORDER BY created_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return { answers: parseRows(VotesRow, answers.rows), disliked: parseRows(QuestionRow, disliked.rows), refused: parseRows(QuestionRow, refused.rows) };
}
