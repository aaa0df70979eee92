import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { RunnableConfig } from '@langchain/core/runnables';
import type { Corpus, Role } from '../corpus/types.ts';
import { passageTranslation, sentenceTerms } from './fields.ts';
import { PassageIndex, type BuildOptions, type PassageFilter, type PassageHit, type WeightedTerm } from './passage-index.ts';
import { analyzeQuery, nameTerms } from './query.ts';
import { tokenizeForIndex } from './tokenize.ts';

/** What each returned Document carries besides the passage text. */
export interface PassageMetadata {
  passageId: string;
  sourceId: string;
  role: Role;
  speaker: string | null;
  turn: number | null;
  line: number;
  score: number;
  /** Query terms found in the passage or the question it answers. */
  terms: string[];
  /** 0-based indexes of the passage's sentences that contain a query term. */
  matchedSentences: number[];
  /** English rendering of the passage, when the source is not English. */
  translation?: string;
}

export interface PassageRetrieverInput extends BaseRetrieverInput {
  index: PassageIndex;
  /** How many passages to return (default 4). */
  k?: number;
  filter?: PassageFilter;
}

/**
 * A query already read by the answerer (its weighted terms, whose passages, how many): passed in the
 * call's config so the retrieval still runs through `invoke` (callbacks, tracing) without the text
 * being parsed a second time.
 */
export interface PassageQuery {
  /** The weighted terms to search; without them the input text is analysed here. */
  terms?: WeightedTerm[];
  filter?: PassageFilter;
  k?: number;
}

/** Call options of PassageRetriever.invoke: `configurable.passageQuery` carries a read query. */
export interface PassageRetrieverCallOptions extends RunnableConfig {
  configurable?: RunnableConfig['configurable'] & { passageQuery?: PassageQuery };
}

/** The read query of the call in progress (invoke -> _getRelevantDocuments, per async context). */
const callQuery = new AsyncLocalStorage<PassageQuery>();

export interface RetrieverOptions {
  k?: number;
  filter?: PassageFilter;
}

/** Every speaker name of a corpus: a question naming one is about that person, not a topic word. */
export function speakerNames(corpus: Corpus): string[] {
  const names = new Set<string>();
  for (const s of corpus.sources) {
    if (s.meta.guest) names.add(s.meta.guest);
    if (s.meta.host) names.add(s.meta.host);
  }
  for (const p of corpus.passages) if (p.speaker) names.add(p.speaker);
  return [...names];
}

/**
 * A LangChain retriever over transcript passages: lexical BM25 (PassageIndex) over the original text, its
 * English translation and the question each passage answers, so a Chinese query matches the original
 * and an English one the translation. Can be limited to one speaker or to some roles.
 */
export class PassageRetriever extends BaseRetriever<PassageMetadata> {
  static override lc_name(): string {
    return 'PassageRetriever';
  }

  override lc_namespace = ['gomez', 'search', 'retriever'];

  readonly index: PassageIndex;
  readonly k: number;
  readonly filter: PassageFilter;
  private readonly ignore: Set<string>;

  constructor(fields: PassageRetrieverInput) {
    super(fields);
    this.index = fields.index;
    this.k = fields.k ?? 4;
    this.filter = fields.filter ?? {};
    this.ignore = nameTerms(speakerNames(fields.index.corpus));
  }

  /** Indexes a corpus and returns a retriever over it. */
  static fromCorpus(corpus: Corpus, options: RetrieverOptions & BuildOptions = {}): PassageRetriever {
    return new PassageRetriever({ index: PassageIndex.build(corpus, options), ...options });
  }

  /** Alias of fromCorpus, after the LangChain convention (our documents are a corpus's passages). */
  static fromDocuments(corpus: Corpus, options: RetrieverOptions & BuildOptions = {}): PassageRetriever {
    return PassageRetriever.fromCorpus(corpus, options);
  }

  /** A retriever over an index built or loaded elsewhere (e.g. from the on-disk cache). */
  static fromIndex(index: PassageIndex, options: RetrieverOptions = {}): PassageRetriever {
    return new PassageRetriever({ index, ...options });
  }

  /** The same retriever limited to other passages (e.g. one speaker's). */
  withFilter(filter: PassageFilter, k = this.k): PassageRetriever {
    return new PassageRetriever({ index: this.index, k, filter });
  }

  /** Scored passages for a query, best first (no LangChain callbacks: the answerer's fast path). */
  searchPassages(query: string, filter: PassageFilter = this.filter, k = this.k): PassageHit[] {
    const analyzed = analyzeQuery(query, this.index, this.ignore);
    return this.index.search(analyzed.searchTerms, filter, k);
  }

  /**
   * LangChain's entry point. With `configurable.passageQuery` (the answerer's read question) that query
   * is searched as is; otherwise the text is analysed here.
   */
  override async invoke(input: string, options?: PassageRetrieverCallOptions): Promise<Document<PassageMetadata>[]> {
    const query = options?.configurable?.passageQuery;
    return query ? callQuery.run(query, () => super.invoke(input, options)) : super.invoke(input, options);
  }

  override async _getRelevantDocuments(
    query: string,
    _runManager?: CallbackManagerForRetrieverRun,
  ): Promise<Document<PassageMetadata>[]> {
    const read = callQuery.getStore();
    const filter = read?.filter ?? this.filter;
    const k = read?.k ?? this.k;
    const hits = read?.terms ? this.index.search(read.terms, filter, k) : this.searchPassages(query, filter, k);
    return hits.map((hit) => toDocument(hit, read?.terms === undefined));
  }

  /** The passages of documents this retriever returned, with their scores, best first. */
  hitsOf(documents: readonly Document<PassageMetadata>[]): PassageHit[] {
    return documents.flatMap((d) => {
      const passage = this.index.passage(d.metadata.passageId);
      return passage ? [{ passage, score: d.metadata.score, terms: d.metadata.terms }] : [];
    });
  }
}

/** A hit as a LangChain Document; `matchSentences` marks the sentences holding a query term (costs a tokenisation). */
function toDocument(hit: PassageHit, matchSentences = true): Document<PassageMetadata> {
  const { passage } = hit;
  const wanted = new Set(hit.terms);
  const matchedSentences: number[] = [];
  if (matchSentences) passage.sentences.forEach((s, i) => {
    // The sentence's search terms count too: a question may reach it only through them.
    const terms = tokenizeForIndex([s.text, s.translation, sentenceTerms(s)].filter(Boolean).join('\n'));
    if (terms.some((t) => wanted.has(t))) matchedSentences.push(i);
  });
  const translation = passageTranslation(passage);
  return new Document<PassageMetadata>({
    pageContent: passage.text,
    id: passage.id,
    metadata: {
      passageId: passage.id,
      sourceId: passage.sourceId,
      role: passage.role,
      speaker: passage.speaker,
      turn: passage.turn,
      line: passage.line,
      score: hit.score,
      terms: hit.terms,
      matchedSentences,
      ...(translation ? { translation } : {}),
    },
  });
}
