import { cutForIndex, cutWords } from './jieba.ts';
import { englishTerm } from './english.ts';
import { CHINESE_STOPWORDS } from './stopwords.ts';

/**
 * Mixed Chinese/English text becomes search terms: runs of Han characters are segmented with jieba,
 * everything else is read as English (lower-cased, stop words dropped, stemmed). A Latin run keeps inner
 * "-", ".", "'" and trailing "*", "+", "#", so "GPT-4", "1.7", "Q*" and "C++" are single terms.
 */
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:[-.'’](?:(?!\p{Script=Han})[\p{L}\p{N}])+)*[*+#]*)/gu;

/** One term of a text, with the words it came from (for display and proper-noun checks). */
export interface Token {
  term: string;
  /** The word as written, before lower-casing and stemming. */
  surface: string;
  han: boolean;
}

function* runs(text: string): Generator<{ han: boolean; value: string }> {
  for (const m of text.normalize('NFKC').matchAll(RUN)) {
    if (m[1] !== undefined) yield { han: true, value: m[1] };
    else if (m[2] !== undefined) yield { han: false, value: m[2] };
  }
}

function hanTerms(run: string, forIndex: boolean): string[] {
  const words = forIndex ? cutForIndex(run) : cutWords(run);
  return words.filter((w) => w.trim() !== '' && !CHINESE_STOPWORDS.has(w));
}

function latinTokens(word: string): Token[] {
  const lower = word.toLowerCase();
  const out: Token[] = [];
  const whole = englishTerm(lower);
  if (whole !== null) out.push({ term: whole, surface: word, han: false });
  // "problem-solving" and "GPT-4" are also found by their parts ("problem", "gpt").
  if (/[-.]/.test(lower) && /[a-z]/.test(lower)) {
    for (const part of lower.split(/[-.]/)) {
      if (!/^[a-z]{2,}$/.test(part)) continue;
      const term = englishTerm(part);
      if (term !== null && term !== whole) out.push({ term, surface: part, han: false });
    }
  }
  return out;
}

/** Tokens of a text; `forIndex` adds the sub-words of Chinese compounds. */
export function tokenizeDetailed(text: string, forIndex = false): Token[] {
  const out: Token[] = [];
  for (const run of runs(text)) {
    if (run.han) {
      for (const w of hanTerms(run.value, forIndex)) out.push({ term: w, surface: w, han: true });
    } else {
      out.push(...latinTokens(run.value));
    }
  }
  return out;
}

/** Terms of a text to be indexed. */
export function tokenizeForIndex(text: string): string[] {
  return tokenizeDetailed(text, true).map((t) => t.term);
}

/** Terms of a question or query. */
export function tokenizeQuery(text: string): string[] {
  return tokenizeDetailed(text, false).map((t) => t.term);
}

/** Sub-words of a Chinese compound that is not itself in the index (e.g. 商业模式 -> 商业, 模式). */
export function hanParts(word: string): string[] {
  return cutForIndex(word).filter((w) => w !== word && !CHINESE_STOPWORDS.has(w));
}
