import { z } from 'zod';
import type { Store } from './store.ts';
import type { UserHasher } from './user-hash.ts';

export type QuestionOutcome = 'answered' | 'refused' | 'failed';

/** One question as asked on a surface, for curator insights. Only a hash of the user is kept. */
export interface QuestionEntry {
  surface: string;
  userId?: string;
  question: string;
  outcome: QuestionOutcome;
  /** What it was about, when answered (the editors' section of the best quote). */
  topic?: string;
  answerId?: string;
}

/** A half-open period [since, until). */
export interface Period {
  since: Date;
  until: Date;
}

const AskedRow = z.object({ question: z.string(), surface: z.string(), user_hash: z.string().nullable(), created_at: z.string() });
const TopicRow = z.object({ topic: z.string(), asked: z.number() });
const VoteRow = z.object({ question: z.string(), answer: z.string(), platform: z.string(), user_id: z.string(), updated_at: z.string() });
const OutcomeRow = z.object({ outcome: z.enum(['answered', 'refused', 'failed']), n: z.number() });

export interface AskedQuestion {
  question: string;
  surface: string;
  /** Per-deployment hash of the asker (never the platform's user id). */
  user: string | null;
  at: string;
}

export interface DownVote {
  question: string;
  answer: string;
  platform: string;
  user: string;
  at: string;
}

/** Questions asked and how they went; read back per period for the insights page and `gomez insights`. */
export class QuestionLog {
  constructor(
    private readonly store: Store,
    private readonly hasher: UserHasher,
  ) {}

  add(entry: QuestionEntry, now: Date = new Date()): void {
    this.store.db
      .prepare(
        `INSERT INTO questions (surface, user_hash, question, outcome, topic, answer_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.surface,
        entry.userId === undefined ? null : this.hasher.hash(entry.surface, entry.userId),
        entry.question,
        entry.outcome,
        entry.topic ?? null,
        entry.answerId ?? null,
        now.toISOString(),
      );
  }

  /** Questions the corpus did not cover (the bot refused), newest first. */
  refused(period: Period, limit = 200): AskedQuestion[] {
    const rows = this.store.db
      .prepare(
        `SELECT question, surface, user_hash, created_at FROM questions
         WHERE outcome = 'refused' AND created_at >= ? AND created_at < ? ORDER BY seq DESC LIMIT ?`,
      )
      .all(period.since.toISOString(), period.until.toISOString(), limit);
    return rows.map((r) => AskedRow.parse(r)).map((r) => ({ question: r.question, surface: r.surface, user: r.user_hash, at: r.created_at }));
  }

  /** Topics of answered questions, most asked first. */
  topTopics(period: Period, limit = 10): Array<{ topic: string; asked: number }> {
    const rows = this.store.db
      .prepare(
        `SELECT topic, COUNT(*) AS asked FROM questions
         WHERE topic IS NOT NULL AND created_at >= ? AND created_at < ?
         GROUP BY topic ORDER BY asked DESC, topic LIMIT ?`,
      )
      .all(period.since.toISOString(), period.until.toISOString(), limit);
    return rows.map((r) => TopicRow.parse(r));
  }

  /** How many questions ended each way. */
  outcomes(period: Period): Record<QuestionOutcome, number> {
    const counts: Record<QuestionOutcome, number> = { answered: 0, refused: 0, failed: 0 };
    const rows = this.store.db
      .prepare('SELECT outcome, COUNT(*) AS n FROM questions WHERE created_at >= ? AND created_at < ? GROUP BY outcome')
      .all(period.since.toISOString(), period.until.toISOString());
    for (const row of rows.map((r) => OutcomeRow.parse(r))) counts[row.outcome] = row.n;
    return counts;
  }

  /** 👎 votes with the question and answer they were about, newest first; voters as hashes. */
  downVotes(period: Period, limit = 200): DownVote[] {
    const rows = this.store.db
      .prepare(
        `SELECT question, answer, platform, user_id, updated_at FROM feedback
         WHERE vote = -1 AND updated_at >= ? AND updated_at < ? ORDER BY updated_at DESC LIMIT ?`,
      )
      .all(period.since.toISOString(), period.until.toISOString(), limit);
    return rows
      .map((r) => VoteRow.parse(r))
      .map((r) => ({ question: r.question, answer: r.answer, platform: r.platform, user: this.hasher.hash(r.platform, r.user_id), at: r.updated_at }));
  }
}
