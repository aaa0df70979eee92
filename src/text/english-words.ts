import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/**
 * Whether a lower-case word is an English word, by the `word-list` package (~275,000 words, one per
 * line). The spelling corrector asks before touching a word the corpus never uses: "closed" is a word
 * even where the transcripts only say "closer", so it is left alone.
 *
 * The list is kept as one string and searched for "\nword\n": loading it costs tens of milliseconds and
 * a lookup a few, against about half a second and 30 MB to build a Set, and only questions with a word
 * the corpus lacks ever ask.
 */
let words: string | undefined;

export function isEnglishWord(word: string): boolean {
  words ??= `\n${readFileSync(wordListPath, 'latin1')}\n`;
  return words.includes(`\n${word.toLowerCase()}\n`);
}
