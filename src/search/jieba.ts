import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * One shared jieba segmenter, created on first use: loading its dictionary takes a few hundred
 * milliseconds, which an English-only corpus and English-only questions never need to pay.
 */
let segmenter: Jieba | undefined;

function jieba(): Jieba {
  segmenter ??= Jieba.withDict(dict);
  return segmenter;
}

/** Words of a run of Han characters, as a reader would split them (used for questions). */
export function cutWords(han: string): string[] {
  return jieba().cut(han, true);
}

/** Words plus the shorter words inside compounds (used for indexed text, so either form of a query matches). */
export function cutForIndex(han: string): string[] {
  return jieba().cutForSearch(han, true);
}

/**
 * Words with jieba's part-of-speech tags ("n" noun, "v" verb, "eng" Latin word…), for summaries. The
 * dictionary alone (no HMM): HMM-guessed words ("只卖") come back untagged ("x").
 */
export function tagWords(text: string): { word: string; tag: string }[] {
  return jieba().tag(text, false);
}

/** jieba's dictionary as one string ("word freq tag" lines), for looking up a word's frequency and tag. */
let dictionaryText: string | undefined;

/**
 * A word's entry in jieba's dictionary (its frequency in jieba's source corpus and its part of speech),
 * or undefined when jieba does not list it. Searched in the dictionary's text: a question looks up at most
 * a few words, which costs less than building a map of 350,000 entries.
 */
export function dictionaryEntry(word: string): { frequency: number; tag: string } | undefined {
  dictionaryText ??= `\n${new TextDecoder().decode(dict)}`;
  const at = dictionaryText.indexOf(`\n${word} `);
  if (at < 0) return undefined;
  const end = dictionaryText.indexOf('\n', at + 1);
  const [, frequency, tag] = dictionaryText.slice(at + 1, end < 0 ? undefined : end).split(' ');
  return { frequency: Number(frequency), tag: tag ?? 'x' };
}
