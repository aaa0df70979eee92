import { z } from 'zod';
import { TUNING } from '../tuning.ts';
import type { Corpus, Passage, Role } from '../corpus/types.ts';
import { passageContext, passageTerms, passageTranslation } from './fields.ts';
import { TermIndex, TermIndexBuilder, type SerializedTermIndex } from './term-index.ts';
import { tokenizerSignature } from './signature.ts';
import { tokenizeForIndex } from './tokenize.ts';

/** Bumped whenever tokenisation or fields change, so a saved index from an older build is rebuilt. */
export const INDEX_VERSION = 4;

/**
 * Field weights: a passage's own words (original or translation) count fully, the team's search terms for
 * its sentences (English `terms` and Chinese `terms_zh`: paraphrases a reader may use, never quoted) a little
 * less, its context less still. Version 4 added the Chinese terms to the `terms` field.
 */
const FIELD_BOOST = TUNING.index.fieldBoost;
const FIELDS = Object.keys(FIELD_BOOST) as Array<keyof typeof FIELD_BOOST>;
const BOOSTS = FIELDS.map((f) => FIELD_BOOST[f]);
/** The fields holding a passage's own words and terms (document frequency counts these, not the context). */
const OWN_WORDS = [FIELDS.indexOf('text'), FIELDS.indexOf('en'), FIELDS.indexOf('terms')];
const MAX_CACHED_DF = 100_000;

/** A query term and how much it counts (1 for the question's own words, less for related terms). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Which passages a search may return. */
export interface PassageFilter {
  /** Only passages by this speaker (case-insensitive). */
  speaker?: string;
  /** Only passages with one of these roles. */
  roles?: readonly Role[];
}

export interface PassageHit {
  passage: Passage;
  score: number;
  /** Query terms found in the passage or its context. */
  terms: string[];
}

export interface BuildOptions {
  /** Called every few thousand passages and at the end (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** The serialised form of an index: plain JSON, written and read by the index cache. */
export interface SerializedIndex {
  format: 'gomez-passage-index';
  version: number;
  corpusHash: string;
  passageCount: number;
  /** tokenizerSignature() of the build that wrote it. */
  tokenizer: string;
  terms: SerializedTermIndex;
}

const SerializedIndexSchema = z.object({
  format: z.literal('gomez-passage-index'),
  version: z.number().int(),
  corpusHash: z.string(),
  passageCount: z.number().int().nonnegative(),
  tokenizer: z.string(),
  terms: z.unknown(),
});

/** A saved index that does not fit this build or this corpus; the caller rebuilds instead. */
export class StaleIndexError extends Error {}

/** Speaker names compare case-insensitively (but accents count), once per passage, not once per hit. */
function speakerKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Whether a passage passes a filter (the same test search() applies). */
export function matchesFilter(passage: Passage, filter: PassageFilter): boolean {
  if (filter.roles && !filter.roles.includes(passage.role)) return false;
  if (filter.speaker === undefined) return true;
  return passage.speaker !== null && speakerKey(passage.speaker) === speakerKey(filter.speaker);
}

/** Filters are few and repeat (the guest, a named speaker): their passage masks are kept. */
const MAX_CACHED_MASKS = 64;

/**
 * The lexical index over every passage of a corpus (BM25 scoring as MiniSearch does it, on compact
 * typed-array postings so it stays fast at hundreds of thousands of passages — see term-index.ts), with each passage's
 * original text, its English translation and its context (the question it answers) as separate fields,
 * plus document frequencies for weighing query terms. Serialisable with toJSON / PassageIndex.fromJSON.
 */
export class PassageIndex {
  private readonly byId: Map<string, Passage>;
  /** Passages in the order they were indexed (the term index's document numbers). */
  private readonly docs: Passage[];
  private readonly masks = new Map<string, Uint8Array | null>();
  /** Document numbers of each speaker (by speakerKey), built on first use. */
  private bySpeaker: Map<string, number[]> | undefined;
  private readonly df = new Map<string, number>();

  private constructor(
    readonly corpus: Corpus,
    private readonly terms_: TermIndex,
  ) {
    this.docs = corpus.sources.flatMap((s) => s.passages);
    this.byId = new Map(this.docs.map((p) => [p.id, p]));
  }

  static build(corpus: Corpus, options: BuildOptions = {}): PassageIndex {
    const builder = new TermIndexBuilder(FIELDS);
    const total = corpus.passages.length;
    let done = 0;
    let lastContext = '';
    let contextTerms: string[] = [];
    for (const source of corpus.sources) {
      source.passages.forEach((passage, i) => {
        const text = tokenizeForIndex(passage.text);
        const en = tokenizeForIndex(passageTranslation(passage));
        const terms = tokenizeForIndex(passageTerms(passage));
        // Paragraphs of one turn share their context: tokenise it once.
        const contextText = passageContext(source, i);
        if (contextText !== lastContext) {
          lastContext = contextText;
          contextTerms = tokenizeForIndex(contextText);
        }
        builder.add([text, en, contextTerms, terms]);
        done++;
        if (done % 5000 === 0) options.onProgress?.(done, total);
      });
    }
    options.onProgress?.(done, total);
    return new PassageIndex(corpus, builder.build());
  }

  /** Rebuilds an index saved with toJSON; throws StaleIndexError if it was built differently or for another corpus. */
  static fromJSON(json: unknown, corpus: Corpus): PassageIndex {
    const parsed = SerializedIndexSchema.safeParse(json);
    if (!parsed.success) throw new StaleIndexError('the saved index is not in the expected format');
    const data = parsed.data;
    if (data.version !== INDEX_VERSION) throw new StaleIndexError(`the saved index has version ${data.version}`);
    if (data.tokenizer !== tokenizerSignature()) throw new StaleIndexError('the saved index was built with other tokenisation rules');
    if (data.corpusHash !== corpus.hash || data.passageCount !== corpus.passages.length) {
      throw new StaleIndexError('the saved index was built for a different corpus');
    }
    let terms: TermIndex;
    try {
      terms = TermIndex.fromJSON(data.terms);
    } catch (error) {
      throw new StaleIndexError(`the saved index is corrupt (${(error as Error).message})`);
    }
    if (terms.docCount !== corpus.passages.length || terms.fields.join() !== FIELDS.join()) {
      throw new StaleIndexError('the saved index does not match this corpus');
    }
    return new PassageIndex(corpus, terms);
  }

  toJSON(): SerializedIndex {
    return {
      format: 'gomez-passage-index',
      version: INDEX_VERSION,
      corpusHash: this.corpus.hash,
      passageCount: this.corpus.passages.length,
      tokenizer: tokenizerSignature(),
      terms: this.terms_.toJSON(),
    };
  }

  get passageCount(): number {
    return this.corpus.passages.length;
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id);
  }

  /** In how many passages (own text or translation) a term occurs; 0 if the corpus never uses it. */
  documentFrequency(term: string): number {
    let n = this.df.get(term);
    if (n === undefined) {
      // Read off the postings (passages with the term in their text or translation), then remembered.
      n = this.terms_.documentsWithAny(term, OWN_WORDS);
      if (this.df.size >= MAX_CACHED_DF) this.df.clear();
      this.df.set(term, n);
    }
    return n;
  }

  /** Inverse document frequency (BM25 form); an unknown term gets the highest value. */
  idf(term: string): number {
    const n = this.passageCount;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Passages best matching the terms, best first. */
  search(terms: readonly WeightedTerm[], filter: PassageFilter = {}, limit = 10): PassageHit[] {
    const weights = new Map<string, number>();
    for (const t of terms) weights.set(t.term, Math.max(weights.get(t.term) ?? 0, t.weight));
    if (weights.size === 0) return [];
    const allowed = this.mask(filter);
    if (allowed === undefined) return [];
    return this.terms_.search(weights, BOOSTS, allowed, limit).map((hit) => ({
      passage: this.docs[hit.doc]!,
      score: hit.score,
      terms: hit.terms,
    }));
  }

  private speakerDocs(): Map<string, number[]> {
    if (!this.bySpeaker) {
      const keys = new Map<string, string>();
      this.bySpeaker = new Map();
      this.docs.forEach((p, i) => {
        if (p.speaker === null) return;
        let key = keys.get(p.speaker);
        if (key === undefined) keys.set(p.speaker, (key = speakerKey(p.speaker)));
        const list = this.bySpeaker!.get(key);
        if (list) list.push(i);
        else this.bySpeaker!.set(key, [i]);
      });
    }
    return this.bySpeaker;
  }

  /** 1 for each passage the filter lets through; null for no filter; undefined when none passes. */
  private mask(filter: PassageFilter): Uint8Array | null | undefined {
    if (filter.speaker === undefined && filter.roles === undefined) return null;
    const speaker = filter.speaker === undefined ? undefined : speakerKey(filter.speaker);
    const roles = filter.roles ? new Set(filter.roles) : null;
    const key = `${speaker ?? ''}\u0000${roles ? [...roles].sort().join(',') : '*'}`;
    if (this.masks.has(key)) return this.masks.get(key) ?? undefined;
    const mask = new Uint8Array(this.docs.length);
    let any = false;
    const candidates = speaker === undefined ? null : (this.speakerDocs().get(speaker) ?? []);
    const consider = (i: number) => {
      if (roles && !roles.has(this.docs[i]!.role)) return;
      mask[i] = 1;
      any = true;
    };
    if (candidates) for (const i of candidates) consider(i);
    else for (let i = 0; i < this.docs.length; i++) consider(i);
    if (this.masks.size >= MAX_CACHED_MASKS) this.masks.delete(this.masks.keys().next().value!);
    this.masks.set(key, any ? mask : null);
    return any ? mask : undefined;
  }
}
