import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus, Passage } from '../../src/corpus/types.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));

let cached: Corpus | null = null;

/** The repository's corpus (the seed interview), loaded once per test file. */
export function repoCorpus(): Corpus {
  cached ??= loadCorpus(CORPUS_DIR);
  return cached;
}

/** The first passage whose text contains `needle` (throws if none: the test's premise is wrong). */
export function passageWith(needle: string, role?: Passage['role']): Passage {
  const found = repoCorpus().passages.find((p) => p.text.includes(needle) && (role === undefined || p.role === role));
  if (!found) throw new Error(`no passage contains ${needle}`);
  return found;
}

/** The sentence of a passage containing `needle`. */
export function sentenceWith(passage: Passage, needle: string): string {
  const found = passage.sentences.find((s) => s.text.includes(needle));
  if (!found) throw new Error(`no sentence of ${passage.id} contains ${needle}`);
  return found.text;
}
