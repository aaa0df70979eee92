import { z } from 'zod';
import { InputError } from '../errors.ts';
import { QuestionLog, type AskedQuestion, type DownVote, type Period } from '../store/questions.ts';
import type { StateStore } from '../store/state.ts';

/** What curators read: the corpus's gaps, the answers people disliked, and what they ask about most. */
export interface Insights {
  period: { since: string; until: string };
  totals: { answered: number; refused: number; failed: number };
  /** Questions the bot refused: what the corpus does not cover. */
  refused: AskedQuestion[];
  /** 👎 votes with their questions and answers. */
  downVotes: DownVote[];
  /** Topics of answered questions, most asked first. */
  topTopics: Array<{ topic: string; asked: number }>;
}

const DAY_MS = 86_400_000;
export const DEFAULT_DAYS = 30;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date looks like 2026-05-01').refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

/** The period options of the page and of `gomez insights`, validated where they come in. */
export const PeriodOptions = z.object({
  days: z
    .string()
    .regex(/^\d{1,4}$/, 'days is a whole number')
    .transform(Number)
    .refine((n) => n >= 1, 'days is at least 1')
    .optional(),
  since: Day.optional(),
  until: Day.optional(),
});

/**
 * The period asked for: `since`/`until` (UTC days, `until` inclusive) or the last `days` days, by
 * default the last 30. A malformed value is an InputError naming it.
 */
export function periodFrom(raw: Record<string, string | undefined>, now: Date = new Date()): Period {
  const parsed = PeriodOptions.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${String(issue?.path[0] ?? 'period')}: ${issue?.message ?? 'invalid'}`);
  }
  const { days, since, until } = parsed.data;
  const end = until ? new Date(Date.parse(`${until}T00:00:00Z`) + DAY_MS) : now;
  const start = since ? new Date(`${since}T00:00:00Z`) : new Date(end.getTime() - (days ?? DEFAULT_DAYS) * DAY_MS);
  if (start >= end) throw new InputError('since must be before until');
  return { since: start, until: end };
}

/** The insights of a period, read from the state store (shared by every replica in PostgreSQL mode). */
export async function gatherInsights(store: StateStore, period: Period): Promise<Insights> {
  const questions = new QuestionLog(store.questions);
  return {
    period: { since: period.since.toISOString(), until: period.until.toISOString() },
    totals: await questions.outcomes(period),
    refused: await questions.refused(period),
    downVotes: await questions.downVotes(period),
    topTopics: await questions.topTopics(period),
  };
}
