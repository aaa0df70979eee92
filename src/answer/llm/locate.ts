import type { Passage, Sentence } from '../../corpus/types.ts';

/** How a model quote was found in its passage. */
export type QuoteMatch = 'exact' | 'normalised' | 'closest-sentence';

/** The whole sentences of a passage that a model quote resolves to. */
export interface LocatedQuote {
  sentences: Sentence[];
  match: QuoteMatch;
}

/** Below this similarity a quote is treated as invented rather than paraphrased. */
const MIN_SIMILARITY = 0.55;

/** Characters that differ between a model's copy and the source without changing the words. */
const IGNORED = /[\s"'“”‘’「」『』《》〈〉…·\-—–_*`]/u;

/** Lower-cased, NFKC (full-width → half-width) text with spacing and quote marks dropped, plus a map back. */
function normalise(text: string): { chars: string; origin: number[] } {
  let chars = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const folded = text[i]!.normalize('NFKC').toLowerCase();
    for (const c of folded) {
      if (IGNORED.test(c)) continue;
      chars += c;
      origin.push(i);
    }
  }
  return { chars, origin };
}

function bigrams(text: string): Map<string, number> {
  const { chars } = normalise(text);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars.slice(i, i + 2);
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient over character bigrams: 1 for identical texts, near 0 for unrelated ones. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, n] of x) {
    shared += Math.min(n, y.get(gram) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Sentences of the passage overlapping [start, end) (offsets into the passage text). */
function coveringSentences(passage: Passage, start: number, end: number): Sentence[] {
  const from = passage.start + start;
  const to = passage.start + end;
  return passage.sentences.filter((s) => s.end > from && s.start < to);
}

/**
 * Resolves the model's quote to whole, verbatim sentences of the cited passage: where it occurs
 * exactly, where it occurs once spacing, width and quote marks are ignored, or else the one sentence
 * it most resembles (in the original or in the team's translation, for a model that quoted the
 * English). Null when nothing in the passage is close enough: the quote was invented.
 */
export function locateQuote(passage: Passage, quote: string): LocatedQuote | null {
  const wanted = quote.trim();
  if (!wanted) return null;

  const exact = passage.text.indexOf(wanted);
  if (exact >= 0) {
    const sentences = coveringSentences(passage, exact, exact + wanted.length);
    if (sentences.length) return { sentences, match: 'exact' };
  }

  const source = normalise(passage.text);
  const target = normalise(wanted).chars;
  const at = target.length >= 4 ? source.chars.indexOf(target) : -1;
  if (at >= 0) {
    const start = source.origin[at]!;
    const end = source.origin[at + target.length - 1]! + 1;
    const sentences = coveringSentences(passage, start, end);
    if (sentences.length) return { sentences, match: 'normalised' };
  }

  let best: Sentence | null = null;
  let bestScore = 0;
  for (const sentence of passage.sentences) {
    const score = Math.max(similarity(wanted, sentence.text), sentence.translation ? similarity(wanted, sentence.translation) : 0);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best && bestScore >= MIN_SIMILARITY ? { sentences: [best], match: 'closest-sentence' } : null;
}
