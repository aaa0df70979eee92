import type { Corpus, Passage } from '../corpus/types.ts';
import type { Person } from './person.ts';
import type { Answer, Quote } from './types.ts';

export type Verdict = { ok: true; passage: Passage } | { ok: false; reason: string };

const SPOKEN = new Set(['guest', 'host', 'other']);

/** Speaker names compare case-insensitively (as the search filter does). */
function sameName(a: string | null, b: string): boolean {
  return a !== null && (a === b || a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase());
}

/** Whether a passage is the words of the person: spoken (never narration or a heading) and theirs. */
function belongsTo(passage: Passage, person: Person | string): boolean {
  if (!SPOKEN.has(passage.role)) return false;
  if (typeof person === 'string') return sameName(passage.speaker, person);
  return person.speaker === null ? passage.role === 'guest' : sameName(passage.speaker, person.speaker);
}

/**
 * A quote is valid only if its text is an exact substring of its source's text AND lies inside one
 * passage spoken by the person asked about (a guest passage for the default person), with the speaker
 * it claims. `person` is a name, or a Person (speaker null = each source's guest).
 */
export function verifyQuote(quote: Quote, corpus: Corpus, person: Person | string): Verdict {
  if (quote.text.trim() === '') return { ok: false, reason: 'the quote is empty' };
  const source = corpus.sources.find((s) => s.meta.id === quote.source.id);
  if (!source) return { ok: false, reason: `unknown source "${quote.source.id}"` };
  if (!source.text.includes(quote.text)) return { ok: false, reason: 'the text is not an exact substring of its source' };
  const candidates = quote.passageId
    ? source.passages.filter((p) => p.id === quote.passageId)
    : source.passages;
  if (candidates.length === 0) return { ok: false, reason: `unknown passage "${quote.passageId}"` };
  const inside = candidates.filter((p) => p.text.includes(quote.text));
  if (inside.length === 0) return { ok: false, reason: 'the text does not lie inside one passage' };
  const own = inside.find((p) => belongsTo(p, person) && sameName(p.speaker, quote.speaker));
  if (!own) {
    const roles = [...new Set(inside.map((p) => p.role))].join('/');
    return { ok: false, reason: `the text is ${roles} text, not words of ${typeof person === 'string' ? person : person.name}` };
  }
  return { ok: true, passage: own };
}

export interface QuoteProblem {
  index: number;
  quote: Quote;
  reason: string;
}

/** Every quote of an answer that fails verification (empty when the answer is sound). */
export function answerProblems(answer: Answer, corpus: Corpus, person: Person | string): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  answer.quotes.forEach((quote, index) => {
    const verdict = verifyQuote(quote, corpus, person);
    if (!verdict.ok) problems.push({ index, quote, reason: verdict.reason });
  });
  return problems;
}

/** The answer with every quote that fails verification removed (defence in depth before returning it). */
export function keepVerifiedQuotes(answer: Answer, corpus: Corpus, person: Person | string): { answer: Answer; dropped: QuoteProblem[] } {
  const dropped = answerProblems(answer, corpus, person);
  if (dropped.length === 0) return { answer, dropped };
  const bad = new Set(dropped.map((d) => d.index));
  return { answer: { ...answer, quotes: answer.quotes.filter((_, i) => !bad.has(i)) }, dropped };
}
