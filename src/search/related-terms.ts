import { readFileSync } from 'node:fs';
import { englishTerm } from './english.ts';

/**
 * The thesaurus (lexicon/thesaurus.txt, data, not code): each line one group of related words. A
 * question word finds passages with any word of its groups, at a lower weight than the word itself.
 */
export const THESAURUS_FILE = new URL('../../lexicon/thesaurus.txt', import.meta.url);

function indexTerm(word: string): string | null {
  return /^[a-z]/i.test(word) ? englishTerm(word.toLowerCase()) : word;
}

/** Groups of index terms, one per line of the file (comments and blank lines skipped). */
export function parseThesaurus(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => [...new Set(line.split(/\s+/).map(indexTerm).filter((t): t is string => t !== null))]);
}

const related = new Map<string, Set<string>>();
for (const terms of parseThesaurus(readFileSync(THESAURUS_FILE, 'utf8'))) {
  for (const t of terms) {
    const set = related.get(t) ?? new Set<string>();
    for (const u of terms) if (u !== t) set.add(u);
    related.set(t, set);
  }
}

/** Index terms related to a term (not including the term itself). */
export function relatedTerms(term: string): string[] {
  return [...(related.get(term) ?? [])];
}
