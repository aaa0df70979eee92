import SearchableMap from 'minisearch/SearchableMap';
import type { Corpus } from '../../corpus/types.ts';
import { TUNING } from '../../tuning.ts';
import { isEnglishWord } from '../../text/english-words.ts';

/**
 * Misspelt English words in a question ("sythetic", "robtoics") corrected against the corpus's own
 * English vocabulary (its text, translations and search terms), so a dropped or swapped letter finds
 * what the right spelling finds. Only words that neither the corpus nor an English word list knows are
 * touched: a correct spelling is never changed. The fuzzy lookup is MiniSearch's radix tree (Levenshtein within a bound).
 */
export class SpellingCorrector {
  private vocabulary: SearchableMap<number> | undefined;

  constructor(private readonly corpus: Corpus) {}

  /**
   * The corpus word a misspelt word most likely meant, or null when none is close enough: one edit, or
   * two when they are a swapped pair of letters ("robtoics") or the word is long. `strict` (for words
   * written as names) allows one edit or a swap only.
   */
  correct(word: string, strict = false): string | null {
    const lower = word.toLowerCase();
    if (lower.length < TUNING.spelling.minLength || !/^[a-z]+$/.test(lower)) return null;
    const vocabulary = this.words();
    // A real word the corpus happens not to use is what the person meant ("closed", not "closer").
    if (vocabulary.has(lower) || isEnglishWord(lower)) return null;
    let best: { word: string; distance: number; count: number } | null = null;
    for (const [candidate, [count, distance]] of vocabulary.fuzzyGet(lower, 2)) {
      const swap = distance === 2 && candidate.length === lower.length && sortedLetters(candidate) === sortedLetters(lower);
      const allowed = distance <= 1 || swap || (!strict && lower.length >= TUNING.spelling.twoEditsFrom);
      if (!allowed) continue;
      // People rarely mistype a word's first letter; a different one is another word ("Brain" is not "train").
      if (candidate[0] !== lower[0]) continue;
      const rank = swap ? 1 : distance;
      if (!best || rank < best.distance || (rank === best.distance && count > best.count)) best = { word: candidate, distance: rank, count };
    }
    return best?.word ?? null;
  }

  /** Whether the corpus uses this English word as written (lower-cased). */
  knows(word: string): boolean {
    return this.words().has(word.toLowerCase());
  }

  /** Built on first use: answering a correctly spelt question never pays for it. */
  private words(): SearchableMap<number> {
    if (!this.vocabulary) {
      const counts = new Map<string, number>();
      const add = (text: string | undefined) => {
        if (!text) return;
        for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) if (w.length >= 3) counts.set(w, (counts.get(w) ?? 0) + 1);
      };
      for (const p of this.corpus.passages) {
        for (const s of p.sentences) {
          add(s.translation);
          add(s.terms);
          if (!s.translation) add(s.text);
        }
      }
      this.vocabulary = SearchableMap.from(counts);
    }
    return this.vocabulary;
  }
}

function sortedLetters(word: string): string {
  return [...word].sort().join('');
}
