import { stemmer } from 'stemmer';
import { ENGLISH_STOPWORDS } from './stopwords.ts';
import { ownEntry } from '../own-entry.ts';

/** Irregular forms the Porter stemmer cannot bring together with their base word. */
export const IRREGULAR: Readonly<Record<string, string>> = {
  children: 'child', kids: 'kid', men: 'man', women: 'woman', people: 'people', mice: 'mouse',
  bought: 'buy', sold: 'sell', spent: 'spend', built: 'build', taught: 'teach', paid: 'pay', lost: 'lose',
  made: 'make', went: 'go', gone: 'go', said: 'say', thought: 'think', brought: 'bring', won: 'win',
  ran: 'run', grew: 'grow', grown: 'grow', understood: 'understand', chose: 'choose', chosen: 'choose',
  given: 'give', gave: 'give', taken: 'take', took: 'take', written: 'write', wrote: 'write', spoken: 'speak',
  spoke: 'speak', known: 'know', knew: 'know', shown: 'show', seen: 'see', saw: 'see', began: 'begin',
  begun: 'begin', fell: 'fall', fallen: 'fall', felt: 'feel', kept: 'keep', left: 'leave', meant: 'mean',
  better: 'good', best: 'good', worse: 'bad', worst: 'bad', bigger: 'big', biggest: 'big',
  smaller: 'small', smallest: 'small', larger: 'large', largest: 'large',
  // Comparatives and superlatives a question and an answer often use in turn ("harder" / "hardest").
  easier: 'easy', easiest: 'easy', harder: 'hard', hardest: 'hard', cheaper: 'cheap', cheapest: 'cheap',
  smarter: 'smart', smartest: 'smart', newer: 'new', newest: 'new', older: 'old', oldest: 'old',
  faster: 'fast', fastest: 'fast', higher: 'high', highest: 'high', lower: 'low', lowest: 'low',
  greater: 'great', greatest: 'great', simpler: 'simple', simplest: 'simple', stronger: 'strong',
  strongest: 'strong', richer: 'rich', richest: 'rich', dumber: 'dumb', dumbest: 'dumb',
};

/**
 * Number words as the digits a question or a transcript may write instead ("in five years" / "like 5
 * yrs?"), both in the index and in questions. "one" stays a stop word ("one of them").
 */
export const NUMBER_WORDS: Readonly<Record<string, string>> = Object.fromEntries(
  ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'].map((w, i) => [w, String(i + 2)]),
);

const stems = new Map<string, string | null>();

/**
 * The index term for one English word (already lower-cased), or null for a stop word. Words with digits
 * or symbols ("gpt-4", "q*", "1.7", "c++") are kept whole so they stay searchable; plain words are stemmed.
 * Results are memoised: a large corpus repeats a small vocabulary millions of times.
 */
export function englishTerm(word: string): string | null {
  const cached = stems.get(word);
  if (cached !== undefined) return cached;
  const term = computeTerm(word);
  if (stems.size < 500_000) stems.set(word, term);
  return term;
}

function computeTerm(raw: string): string | null {
  let word = raw.replace(/[’‘]/g, "'");
  word = word.replace(/'s$/, '');
  if (word.includes("'")) word = word.slice(0, word.indexOf("'"));
  if (word === '' || ENGLISH_STOPWORDS.has(word)) return null;
  if (/[^a-z]/.test(word)) return word;
  if (word.length < 2) return null;
  const number = ownEntry(NUMBER_WORDS, word);
  if (number !== undefined) return number;
  const base = ownEntry(IRREGULAR, word) ?? word;
  return stemmer(base);
}

/**
 * Plausible base forms of an English word the Porter stemmer leaves alone ("newer" -> "new", "easier" ->
 * "easy", "bigger" -> "big", "quickly" -> "quick", "rebuild" -> "build"), as index terms. Used only for words the corpus never
 * uses, so a comparative or an adverb still finds its base word.
 */
export function englishVariants(word: string): string[] {
  const w = word.toLowerCase();
  const bases: string[] = [];
  for (const [suffix, replacement] of [['iest', 'y'], ['ier', 'y'], ['est', ''], ['er', ''], ['ily', 'y'], ['ly', ''], ['ness', ''], ['ers', ''], ['ing', ''], ['ings', ''], ['ed', '']] as const) {
    if (w.length > suffix.length + 2 && w.endsWith(suffix)) {
      const base = w.slice(0, -suffix.length) + replacement;
      bases.push(base);
      // "bigger" -> "bigg" -> "big"
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) bases.push(base.slice(0, -1));
      if (replacement === '' && !base.endsWith('e')) bases.push(`${base}e`);
    }
  }
  // "rebuild", "retrain", "rethink": the act done again is found by the act itself.
  if (w.length > 5 && w.startsWith('re')) bases.push(w.slice(2));
  const terms = bases.map(englishTerm).filter((t): t is string => t !== null);
  return [...new Set(terms)];
}
