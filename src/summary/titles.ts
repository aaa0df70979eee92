import { chineseNounPhrases } from './chinese-nlp.ts';
import { isPlainClaim, nounPhrases } from './english-nlp.ts';
import { plainStatement } from './takeaway.ts';
import { stemmer } from 'stemmer';

/**
 * Titles a person would write for a theme: the editors' own heading when the source has one, else a
 * short claim the guest makes in so many words ("Nothing can replace humans"), else the theme's most
 * distinctive noun phrase ("Evaluation set for your use case"). Never two keywords joined by "and".
 */
export interface TitleInput {
  /** The editors' heading (English) for this theme, when it has one. */
  heading?: string | null;
  /** The theme's sentences in English, most central first. */
  english: string[];
  /** Original-language sentences when there is no English (untranslated Chinese). */
  original?: string[];
  /** How distinctive a word stem is for this theme (0 for words common across the corpus). */
  weightOf(stem: string): number;
}

const MAX_CLAIM_WORDS = 9;
const MAX_PHRASE_WORDS = 6;
const PERSONAL = /\b(?:I|I'm|I've|we|we're|you|you're|your|my|our|us|me)\b/i;

/** Lower-cases a title's first word unless it is a name or an acronym ("OpenAI", "GPT-4"). */
function sentenceCase(words: string[]): string {
  const out = words.map((w, i) => (i > 0 || /[A-Z\d]/.test(w.slice(1)) ? w : w.toLowerCase()));
  const text = out.join(' ').replace(/\s+([,'’])/g, '$1').replace(/\s+n't/g, "n't");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function claimTitle(english: string[]): string | null {
  for (const sentence of english.slice(0, 3)) {
    const plain = plainStatement(sentence).replace(/[.!]+$/, '');
    const words = plain.split(/\s+/);
    if (words.length < 3 || words.length > MAX_CLAIM_WORDS || /[?;:,]/.test(plain) || PERSONAL.test(plain)) continue;
    if (isPlainClaim(plain)) return plain;
  }
  return null;
}

function phraseTitle(input: TitleInput): string | null {
  const scored = new Map<string, { surface: string[]; score: number }>();
  input.english.slice(0, 8).forEach((sentence, rank) => {
    const weight = 1 / (1 + rank * 0.3);
    for (const phrase of nounPhrases(sentence)) {
      if (phrase.words.length > MAX_PHRASE_WORDS) continue;
      const stems = phrase.lemmas.map((l) => stemmer(l));
      const weights = stems.map((s) => input.weightOf(s));
      const distinct = weights.reduce((sum, w) => sum + w, 0);
      // Every word of a title pulls its weight; one word alone must recur in the theme.
      if (distinct === 0 || weights.filter((w) => w > 0).length < Math.min(2, stems.length)) continue;
      const key = stems.join(' ');
      const entry = scored.get(key) ?? { surface: phrase.words, score: 0 };
      // Longer phrases name the subject better than one bare word, up to a point.
      const length = phrase.lemmas.length === 1 ? 0.6 : phrase.lemmas.length <= 4 ? 1.6 : 1.2;
      entry.score += weight * length * distinct;
      scored.set(key, entry);
    }
  });
  const best = [...scored.values()].sort((a, b) => b.score - a.score)[0];
  return best ? sentenceCase(best.surface) : null;
}

function chineseTitle(original: string[]): string | null {
  const counts = new Map<string, number>();
  for (const text of original.slice(0, 8)) for (const p of chineseNounPhrases(text)) counts.set(p, (counts.get(p) ?? 0) + p.length);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function themeTitle(input: TitleInput): string | null {
  const heading = input.heading?.trim().replace(/[.。!!]+$/, '');
  if (heading) return heading;
  if (input.english.length > 0) return claimTitle(input.english) ?? phraseTitle(input);
  return input.original ? chineseTitle(input.original) : null;
}

/** True for a title made of two keywords glued with "and" ("Muscle and problem"): what titles must never be. */
export function isKeywordPair(title: string): boolean {
  return /^\S+(?:\s\S+)?\s+and\s+\S+(?:\s\S+)?$/i.test(title.trim()) && !/\b(?:is|are|can|will|should|must|beats?|needs?)\b/i.test(title);
}
