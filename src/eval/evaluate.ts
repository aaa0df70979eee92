import type { Answer, Quote } from '../answer/types.ts';
import { askInThread } from '../answer/thread.ts';
import type { GomezCore } from '../core.ts';
import type { Corpus } from '../corpus/types.ts';
import { loadEvalSet, type EvalItem } from './dataset.ts';
import { containsEither, overlaps } from './overlap.ts';

export interface QuoteIssue {
  quote: string;
  reason: string;
}

/** The outcome of one question. */
export interface EvalResult {
  id: string;
  question: string;
  answerable: boolean;
  answered: boolean;
  /** Rank (1-based) of the first quote overlapping a gold string; null if none does. */
  hitRank: number | null;
  /** Rank (1-based) of the first quote containing a gold string or contained in one; null if none. */
  strictHitRank: number | null;
  quotes: string[];
  nonVerbatim: QuoteIssue[];
  misattributed: QuoteIssue[];
  /** Why this question counts as a failure, or null when it passed. */
  failure: string | null;
  answer: string;
}

export interface EvalReport {
  file: string;
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Share of answerable questions whose first quote overlaps a gold string. */
  hitAt1: number;
  /** Share of answerable questions with a gold-overlapping quote among the first three. */
  hitAt3: number;
  /** hit@1 and hit@3 under the strict reading (containment either way, see containsEither). */
  strictHitAt1: number;
  strictHitAt3: number;
  /** Share of unanswerable questions answered with `answered: false`. */
  refusalAccuracy: number;
  /** Share of answerable questions answered with `answered: true`. */
  answeredRate: number;
  /** Quotes whose text is not an exact substring of their source. */
  nonVerbatim: number;
  /** Quotes attributed to the guest that are host, narration or heading text, or a known trap. */
  misattributed: number;
  results: EvalResult[];
}

/** Where a quote's text sits in the corpus: non-verbatim, or not spoken by its claimed guest speaker. */
function checkQuote(quote: Quote, corpus: Corpus, guestNames: Set<string>, traps: string[]): { verbatim: QuoteIssue | null; misattributed: QuoteIssue | null } {
  const source = corpus.sources.find((s) => s.meta.id === quote.source.id);
  if (!source || !source.text.includes(quote.text)) {
    return { verbatim: { quote: quote.text, reason: source ? 'not an exact substring of its source' : `unknown source ${quote.source.id}` }, misattributed: null };
  }
  const trap = traps.find((t) => overlaps(quote.text, t));
  if (trap) return { verbatim: null, misattributed: { quote: quote.text, reason: `overlaps a known non-guest line: ${trap}` } };
  if (!guestNames.has(quote.speaker.toLowerCase())) return { verbatim: null, misattributed: null };
  const inGuestPassage = source.passages.some(
    (p) => p.role === 'guest' && p.speaker?.toLowerCase() === quote.speaker.toLowerCase() && p.text.includes(quote.text),
  );
  return {
    verbatim: null,
    misattributed: inGuestPassage ? null : { quote: quote.text, reason: 'attributed to the guest but not inside one of their passages' },
  };
}

function scoreItem(item: EvalItem, answer: Answer, corpus: Corpus, guestNames: Set<string>): EvalResult {
  const gold = item.gold_any ?? [];
  const traps = item.not_gomez ?? [];
  const quotes = answer.answered ? answer.quotes : [];
  const rank = quotes.findIndex((q) => gold.some((g) => overlaps(q.text, g)));
  const strictRank = quotes.findIndex((q) => gold.some((g) => containsEither(q.text, g)));
  const nonVerbatim: QuoteIssue[] = [];
  const misattributed: QuoteIssue[] = [];
  for (const q of answer.quotes) {
    const check = checkQuote(q, corpus, guestNames, traps);
    if (check.verbatim) nonVerbatim.push(check.verbatim);
    if (check.misattributed) misattributed.push(check.misattributed);
  }
  const hitRank = rank >= 0 ? rank + 1 : null;
  const strictHitRank = strictRank >= 0 ? strictRank + 1 : null;
  let failure: string | null = null;
  if (nonVerbatim.length > 0) failure = 'non-verbatim quote';
  else if (misattributed.length > 0) failure = 'misattributed quote';
  else if (item.answerable && !answer.answered) failure = 'refused an answerable question';
  else if (item.answerable && (hitRank === null || hitRank > 3)) failure = 'no gold evidence in the first three quotes';
  else if (!item.answerable && answer.answered) failure = 'answered a question the corpus does not cover';
  else if (item.answerable && (strictHitRank === null || strictHitRank > 3)) failure = 'gold evidence only loosely overlapped (strict miss)';
  return {
    id: item.id,
    question: item.question,
    answerable: item.answerable,
    answered: answer.answered,
    hitRank,
    strictHitRank,
    quotes: answer.quotes.map((q) => q.text),
    nonVerbatim,
    misattributed,
    failure,
    answer: answer.answer,
  };
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

/** Asks every question of an eval set and scores the answers (see EvalReport for the metrics). */
export async function evaluateItems(core: GomezCore, items: readonly EvalItem[], file = 'eval set'): Promise<EvalReport> {
  const guestNames = new Set<string>([core.guestName.toLowerCase()]);
  for (const s of core.corpus.sources) if (s.meta.guest) guestNames.add(s.meta.guest.toLowerCase());
  const results: EvalResult[] = [];
  for (const item of items) {
    const answer = await askInThread(core, item.history ?? [], item.question);
    results.push(scoreItem(item, answer, core.corpus, guestNames));
  }
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  return {
    file,
    questions: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAt1: ratio(answerable.filter((r) => r.hitRank === 1).length, answerable.length),
    hitAt3: ratio(answerable.filter((r) => r.hitRank !== null && r.hitRank <= 3).length, answerable.length),
    strictHitAt1: ratio(answerable.filter((r) => r.strictHitRank === 1).length, answerable.length),
    strictHitAt3: ratio(answerable.filter((r) => r.strictHitRank !== null && r.strictHitRank <= 3).length, answerable.length),
    refusalAccuracy: ratio(unanswerable.filter((r) => !r.answered).length, unanswerable.length),
    answeredRate: ratio(answerable.filter((r) => r.answered).length, answerable.length),
    nonVerbatim: results.reduce((n, r) => n + r.nonVerbatim.length, 0),
    misattributed: results.reduce((n, r) => n + r.misattributed.length, 0),
    results,
  };
}

/** Scores the questions of a JSON-lines file (format of ../shared/eval/dev.jsonl). */
export async function evaluate(core: GomezCore, file: string): Promise<EvalReport> {
  return evaluateItems(core, loadEvalSet(file), file);
}
