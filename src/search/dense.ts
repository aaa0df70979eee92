import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { Passage } from '../corpus/types.ts';
import { log } from '../log.ts';
import type { EmbeddingCache } from './embedding-cache.ts';

/** A passage with its cosine similarity to the query. */
export interface DenseHit {
  passage: Passage;
  score: number;
}

export interface DenseRetrieverOptions extends BaseRetrieverInput {
  embeddings: EmbeddingsInterface;
  /** Embeddings model name: part of the cache key. */
  model: string;
  cache: EmbeddingCache;
  /** Passages returned per query (default 8). */
  k?: number;
}

/** What is embedded for a passage: the original and the team's translation, so either language matches. */
export function embeddingText(passage: Passage): string {
  const translation = passage.sentences
    .map((s) => s.translation)
    .filter(Boolean)
    .join(' ');
  return translation ? `${passage.text} ${translation}` : passage.text;
}

function normalised(vector: number[]): Float32Array {
  const norm = Math.hypot(...vector) || 1;
  return Float32Array.from(vector, (x) => x / norm);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * Dense retrieval over passage embeddings (OpenAIEmbeddings or any LangChain Embeddings), brute-force
 * cosine: a few thousand passages take well under a millisecond per query, no vector store needed.
 * Only host and guest turns are embedded; headings and narration are never quoted.
 */
export class DenseRetriever extends BaseRetriever {
  lc_namespace = ['gomez', 'search', 'dense'];

  private constructor(
    private readonly embeddings: EmbeddingsInterface,
    private readonly entries: Array<{ passage: Passage; vector: Float32Array }>,
    private readonly k: number,
    fields?: BaseRetrieverInput,
  ) {
    super(fields);
  }

  /** Embeds the passages missing from the cache (one batched call) and returns the retriever. */
  static async fromPassages(passages: Passage[], options: DenseRetrieverOptions): Promise<DenseRetriever> {
    const { embeddings, model, cache } = options;
    const turns = passages.filter((p) => p.role === 'guest' || p.role === 'host');
    const texts = turns.map(embeddingText);
    const missing = [...new Set(texts.filter((t) => cache.get(model, t) === undefined))];
    if (missing.length) {
      const vectors = await embeddings.embedDocuments(missing);
      cache.putMany(
        model,
        missing.map((text, i) => ({ text, vector: vectors[i] ?? [] })),
      );
    }
    log.info('dense index ready', { model, passages: turns.length, embedded: missing.length, cached: turns.length - missing.length });
    const entries = turns.map((passage, i) => ({ passage, vector: normalised(cache.get(model, texts[i]!) ?? []) }));
    return new DenseRetriever(embeddings, entries, options.k ?? 8, options);
  }

  /** Passages best first by cosine similarity to the query. */
  async rank(query: string, k: number = this.k): Promise<DenseHit[]> {
    const q = normalised(await this.embeddings.embedQuery(query));
    return this.entries
      .map(({ passage, vector }) => ({ passage, score: dot(q, vector) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }

  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    const hits = await this.rank(query);
    return hits.map(
      ({ passage, score }) =>
        new Document({
          pageContent: passage.text,
          metadata: { passageId: passage.id, score, speaker: passage.speaker, role: passage.role },
          id: passage.id,
        }),
    );
  }
}
