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
