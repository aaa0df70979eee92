import { createHash } from 'node:crypto';
import { IRREGULAR, NUMBER_WORDS } from './english.ts';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords.ts';

/**
 * Bump when tokenize.ts or english.ts changes how text becomes terms (the word lists are hashed below on
 * their own). 2: "constructor", "toString" … no longer read Object.prototype's members as irregular forms.
 */
const TOKENIZER_REVISION = 2;

let signature: string | undefined;

/**
 * A fingerprint of everything that decides which terms a text yields: a saved index built with other
 * stop words or stemming rules would silently miss matches, so it must not be loaded.
 */
export function tokenizerSignature(): string {
  signature ??= createHash('sha256')
    .update(JSON.stringify([TOKENIZER_REVISION, [...ENGLISH_STOPWORDS].sort(), [...CHINESE_STOPWORDS].sort(), IRREGULAR, NUMBER_WORDS]))
    .digest('hex')
    .slice(0, 16);
  return signature;
}
