import type { QuestionOutcome, QuestionStore, TimeRange } from './state.ts';
import { UserHasher } from './user-hash.ts';

export type { QuestionOutcome };

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
export type Period = TimeRange;

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

/**
 * Questions asked and how they went, over the state store (SQLite or PostgreSQL); read back per period
 * for the insights page and `gomez insights`. User ids are hashed here, before they are stored or shown.
 */
export class QuestionLog {
  private hasher: Promise<UserHasher> | undefined;

  constructor(private readonly questions: QuestionStore) {}

  /** The deployment's hasher, read once (the secret is made on first use). */
  private users(): Promise<UserHasher> {
    this.hasher ??= UserHasher.of(this.questions).catch((error: unknown) => {
      this.hasher = undefined; // a passing outage must not poison every later question
      throw error;
    });
    return this.hasher;
  }

  async add(entry: QuestionEntry, now: Date = new Date()): Promise<void> {
    const userHash = entry.userId === undefined ? undefined : (await this.users()).hash(entry.surface, entry.userId);
    await this.questions.add({ surface: entry.surface, userHash, question: entry.question, outcome: entry.outcome, topic: entry.topic, answerId: entry.answerId }, now);
  }

  /** Questions the corpus did not cover (the bot refused), newest first. */
  async refused(period: Period, limit = 200): Promise<AskedQuestion[]> {
    return (await this.questions.refused(period, limit)).map((r) => ({ question: r.question, surface: r.surface, user: r.userHash, at: r.at }));
  }

  /** Topics of answered questions, most asked first. */
  topTopics(period: Period, limit = 10): Promise<Array<{ topic: string; asked: number }>> {
    return this.questions.topTopics(period, limit);
  }

  /** How many questions ended each way. */
  outcomes(period: Period): Promise<Record<QuestionOutcome, number>> {
    return this.questions.outcomes(period);
  }

  /** 👎 votes with the question and answer they were about, newest first; voters as hashes. */
  async downVotes(period: Period, limit = 200): Promise<DownVote[]> {
    const hasher = await this.users();
    return (await this.questions.downVotes(period, limit)).map((r) => ({ question: r.question, answer: r.answer, platform: r.platform, user: hasher.hash(r.platform, r.userId), at: r.at }));
  }
}
