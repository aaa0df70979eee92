/**
 * A compact inverted index for large corpora: postings are typed arrays (documents ascending, term
 * frequency beside), scoring is BM25+ exactly as MiniSearch computes it (k 1.2, b 0.7, d 0.5, field length
 * = distinct terms, results scaled by how many query terms matched), so it stands in for MiniSearch where
 * MiniSearch's per-result objects and Map-based postings get too slow and too big (hundreds of thousands
 * of passages). Only very common terms of very large corpora are scored on their champion lists (see
 * ChampionTiers), which keeps query cost from growing with the corpus. Serialises to a few base64 strings.
 */
import { z } from 'zod';
import { TUNING } from '../tuning.ts';

const K = TUNING.index.bm25.k;
const B = TUNING.index.bm25.b;
const D = TUNING.index.bm25.d;

/**
 * Champion lists bound the cost of very common terms as the corpus grows: a field's postings longer than
 * `min` also keep their `size` best documents (by the term's BM25 weight there), and a search that may
 * return most of the corpus (no filter, or a broad one) scores such a term only on those. Lists up to
 * `min` long (every list of a corpus of a few thousand passages) are always scored exactly.
 */
export interface ChampionTiers {
  min: number;
  size: number;
}
export const DEFAULT_TIERS: ChampionTiers = { min: 8192, size: 4096 };
/** A filter letting through at least this share of the documents counts as broad. */
const BROAD_FILTER = 0.5;

/** A scored document (by 0-based position in the order documents were added). */
export interface TermHit {
  doc: number;
  score: number;
  /** Query terms found in the document, in query order. */
  terms: string[];
}

/** A field's postings in compressed-row form: term t's documents are docs[offsets[t]..offsets[t+1]). */
interface FieldPostings {
  offsets: Int32Array;
  docs: Int32Array;
  tfs: Uint16Array;
  /** Distinct terms per document in this field (MiniSearch's field length). */
  lengths: Uint16Array;
  avgLength: number;
}

/** Grows a typed array by doubling. */
class IntBuffer {
  data = new Int32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

/** Collects documents field by field, then freezes them into a TermIndex. */
export class TermIndexBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly pending: Array<{ termIds: IntBuffer; docs: IntBuffer; tfs: IntBuffer; lengths: IntBuffer }>;
  private docCount = 0;

  constructor(readonly fields: readonly string[]) {
    this.pending = fields.map(() => ({ termIds: new IntBuffer(), docs: new IntBuffer(), tfs: new IntBuffer(), lengths: new IntBuffer() }));
  }

  /** Adds the next document: for each field, its terms (already tokenised). Returns its position. */
  add(fieldTerms: ReadonlyArray<readonly string[]>): number {
    const doc = this.docCount++;
    this.fields.forEach((_, f) => {
      const counts = new Map<string, number>();
      for (const term of fieldTerms[f] ?? []) counts.set(term, (counts.get(term) ?? 0) + 1);
      const p = this.pending[f]!;
      p.lengths.push(Math.min(counts.size, 0xffff));
      for (const [term, tf] of counts) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.terms.length;
          this.termIds.set(term, id);
          this.terms.push(term);
        }
        p.termIds.push(id);
        p.docs.push(doc);
        p.tfs.push(Math.min(tf, 0xffff));
      }
    });
    return doc;
  }

  build(tiers: ChampionTiers = DEFAULT_TIERS): TermIndex {
    const termCount = this.terms.length;
    const postings = this.pending.map((p): FieldPostings => {
      // Counting sort by term keeps each term's documents in ascending order.
      const offsets = new Int32Array(termCount + 1);
      for (let i = 0; i < p.termIds.length; i++) offsets[p.termIds.data[i]! + 1]!++;
      for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
      const cursor = offsets.slice(0, termCount);
      const docs = new Int32Array(p.termIds.length);
      const tfs = new Uint16Array(p.termIds.length);
      for (let i = 0; i < p.termIds.length; i++) {
        const at = cursor[p.termIds.data[i]!]!++;
        docs[at] = p.docs.data[i]!;
        tfs[at] = p.tfs.data[i]!;
      }
      const lengths = Uint16Array.from(p.lengths.data.subarray(0, p.lengths.length));
      // A running mean, computed as MiniSearch does, so scores agree to the last bit.
      let avgLength = 0;
      for (let i = 0; i < lengths.length; i++) avgLength = (avgLength * i + lengths[i]!) / (i + 1);
      return { offsets, docs, tfs, lengths, avgLength };
    });
    return new TermIndex(this.fields, this.docCount, this.terms, postings, tiers);
  }
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const SerializedTermIndexSchema = z.object({
  fields: z.array(z.string()),
  docCount: z.number().int().nonnegative(),
  terms: z.array(z.string()),
  postings: z.array(
    z.object({ offsets: z.array(b64), docs: z.array(b64), tfs: z.array(b64), lengths: z.array(b64), avgLength: z.number() }),
  ),
});
export type SerializedTermIndex = z.infer<typeof SerializedTermIndexSchema>;

/** Typed arrays are stored as base64 pieces of at most this many bytes (JSON strings have a size limit). */
const PIECE_BYTES = 16 * 1024 * 1024;

function toBase64(array: Int32Array | Uint16Array): string[] {
  const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  const pieces: string[] = [];
  for (let i = 0; i < bytes.length; i += PIECE_BYTES) pieces.push(bytes.subarray(i, i + PIECE_BYTES).toString('base64'));
  return pieces;
}

function fromBase64<T extends Int32Array | Uint16Array>(pieces: string[], Kind: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T {
  const bytes = Buffer.concat(pieces.map((p) => Buffer.from(p, 'base64')));
  if (bytes.length % Kind.BYTES_PER_ELEMENT !== 0) throw new Error('a typed array has a partial element');
  // Copy into a fresh, aligned buffer (Buffer pools are not aligned for 4-byte views).
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return new Kind(copy);
}

export class TermIndex {
  private readonly termIds: Map<string, number>;
  // Scratch space reused by every search (searches are synchronous, so never shared concurrently).
  private readonly scores: Float64Array;
  private readonly matched: Uint8Array;
  private readonly lastTerm: Int32Array;
  private readonly touched: Int32Array;
  private readonly termScores: Float64Array;
  private readonly termTouched: Int32Array;
  /** Best documents of long postings lists, by `termId * fields + field`, in document order. */
  private readonly champions = new Map<number, { docs: Int32Array; tfs: Uint16Array }>();
  private readonly breadth = new WeakMap<Uint8Array, boolean>();

  constructor(
    readonly fields: readonly string[],
    readonly docCount: number,
    private readonly terms: string[],
    private readonly postings: FieldPostings[],
    private readonly tiers: ChampionTiers = DEFAULT_TIERS,
  ) {
    this.termIds = new Map(terms.map((t, i) => [t, i]));
    this.scores = new Float64Array(docCount);
    this.matched = new Uint8Array(docCount);
    this.lastTerm = new Int32Array(docCount);
    this.touched = new Int32Array(docCount);
    this.termScores = new Float64Array(docCount);
    this.termTouched = new Int32Array(docCount);
    this.postings.forEach((p, f) => {
      for (let id = 0; id < terms.length; id++) {
        if (p.offsets[id + 1]! - p.offsets[id]! > tiers.min) this.champions.set(id * postings.length + f, championsOf(p, id, tiers.size));
      }
    });
  }

  /** Whether a search with this filter may use champion lists (no filter, or a broad one). */
  private broad(allowed: Uint8Array | null): boolean {
    if (allowed === null) return true;
    let known = this.breadth.get(allowed);
    if (known === undefined) {
      let n = 0;
      for (let i = 0; i < allowed.length; i++) n += allowed[i]!;
      known = n >= BROAD_FILTER * allowed.length;
      this.breadth.set(allowed, known);
    }
    return known;
  }

  get termCount(): number {
    return this.terms.length;
  }

  /** In how many documents a term occurs in one field. */
  fieldFrequency(term: string, field: number): number {
    const id = this.termIds.get(term);
    const p = this.postings[field];
    return id === undefined || !p ? 0 : p.offsets[id + 1]! - p.offsets[id]!;
  }

  /** In how many documents a term occurs in at least one of the given fields (a merge of sorted postings). */
  documentsWithAny(term: string, fields: readonly number[]): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    const lists = fields
      .map((f) => this.postings[f])
      .filter((p): p is FieldPostings => p !== undefined)
      .map((p) => p.docs.subarray(p.offsets[id]!, p.offsets[id + 1]!));
    if (lists.length === 1) return lists[0]!.length;
    const seen = new Set<number>();
    for (const list of lists) for (const doc of list) seen.add(doc);
    return seen.size;
  }

  /**
   * The best `limit` documents for weighted terms (OR), each field weighted by `fieldBoosts`, skipping
   * documents whose `allowed` entry is 0. Ties keep document order.
   */
  search(weights: ReadonlyMap<string, number>, fieldBoosts: readonly number[], allowed: Uint8Array | null, limit: number): TermHit[] {
    const { scores, termScores, matched, lastTerm, touched, termTouched } = this;
    const useChampions = this.champions.size > 0 && this.broad(allowed);
    let touchedCount = 0;
    const queryTerms: Array<{ term: string; id: number }> = [];
    let q = 0;
    for (const [term, weight] of weights) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      q++;
      queryTerms.push({ term, id });
      let termCount = 0;
      for (let f = 0; f < this.postings.length; f++) {
        const { offsets, lengths, avgLength } = this.postings[f]!;
        let { docs, tfs } = this.postings[f]!;
        const boost = weight * (fieldBoosts[f] ?? 0);
        let from = offsets[id]!;
        let to = offsets[id + 1]!;
        if (boost === 0 || from === to) continue;
        const matching = to - from;
        const champion = useChampions ? this.champions.get(id * this.postings.length + f) : undefined;
        if (champion) ({ docs, tfs, from, to } = { docs: champion.docs, tfs: champion.tfs, from: 0, to: champion.docs.length });
        // The same expression, operation for operation, as MiniSearch's calcBM25Score (equal scores, equal ties).
        const idf = Math.log(1 + (this.docCount - matching + 0.5) / (matching + 0.5));
        for (let i = from; i < to; i++) {
          const doc = docs[i]!;
          if (allowed !== null && allowed[doc] === 0) continue;
          const tf = tfs[i]!;
          const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * lengths[doc]!) / avgLength)));
          if (matched[doc] === 0) touched[touchedCount++] = doc;
          if (lastTerm[doc] !== q) {
            lastTerm[doc] = q;
            matched[doc]!++;
            termTouched[termCount++] = doc;
          }
          termScores[doc]! += boost * raw;
        }
      }
      // A term's fields are summed first, then added to the total (MiniSearch's order: equal sums, equal ties).
      for (let i = 0; i < termCount; i++) {
        const doc = termTouched[i]!;
        scores[doc]! += termScores[doc]!;
        termScores[doc] = 0;
      }
    }
    const best = topK(touched, touchedCount, (doc) => scores[doc]! * matched[doc]!, limit);
    const hits = best.map(({ doc, score }) => ({ doc, score, terms: queryTerms.filter((t) => this.contains(t.id, doc)).map((t) => t.term) }));
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      scores[doc] = 0;
      matched[doc] = 0;
      lastTerm[doc] = 0;
    }
    return hits;
  }

  /** Whether a document has a term in any field (binary search in the term's sorted postings). */
  private contains(id: number, doc: number): boolean {
    for (const p of this.postings) {
      let lo = p.offsets[id]!;
      let hi = p.offsets[id + 1]! - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const d = p.docs[mid]!;
        if (d === doc) return true;
        if (d < doc) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return false;
  }

  toJSON(): SerializedTermIndex {
    return {
      fields: [...this.fields],
      docCount: this.docCount,
      terms: this.terms,
      postings: this.postings.map((p) => ({
        offsets: toBase64(p.offsets),
        docs: toBase64(p.docs),
        tfs: toBase64(p.tfs),
        lengths: toBase64(p.lengths),
        avgLength: p.avgLength,
      })),
    };
  }

  /** Rebuilds a serialised index; throws on any inconsistency (the caller rebuilds from the corpus). */
  static fromJSON(json: unknown, tiers: ChampionTiers = DEFAULT_TIERS): TermIndex {
    const data = SerializedTermIndexSchema.parse(json);
    const postings = data.postings.map((p): FieldPostings => {
      const offsets = fromBase64(p.offsets, Int32Array);
      const docs = fromBase64(p.docs, Int32Array);
      const tfs = fromBase64(p.tfs, Uint16Array);
      const lengths = fromBase64(p.lengths, Uint16Array);
      const consistent =
        offsets.length === data.terms.length + 1 &&
        offsets[0] === 0 &&
        offsets[data.terms.length] === docs.length &&
        tfs.length === docs.length &&
        lengths.length === data.docCount &&
        docs.every((d) => d >= 0 && d < data.docCount);
      if (!consistent) throw new Error('the saved term index is inconsistent');
      return { offsets, docs, tfs, lengths, avgLength: p.avgLength };
    });
    if (postings.length !== data.fields.length) throw new Error('the saved term index has the wrong number of fields');
    return new TermIndex(data.fields, data.docCount, data.terms, postings, tiers);
  }
}

/** The `limit` documents with the highest score among docs[0..count), best first; ties keep the smaller document first. */
function topK(docs: Int32Array, count: number, score: (doc: number) => number, limit: number): Array<{ doc: number; score: number }> {
  if (limit <= 0) return [];
  // A small sorted array is enough: limit is tiny (a handful of passages) next to the candidates.
  const best: Array<{ doc: number; score: number }> = [];
  for (let k = 0; k < count; k++) {
    const doc = docs[k]!;
    const value = score(doc);
    const last = best[best.length - 1];
    if (best.length === limit && last !== undefined && !(value > last.score || (value === last.score && doc < last.doc))) continue;
    let i = best.length;
    while (i > 0 && (value > best[i - 1]!.score || (value === best[i - 1]!.score && doc < best[i - 1]!.doc))) i--;
    best.splice(i, 0, { doc, score: value });
    if (best.length > limit) best.pop();
  }
  return best;
}

/** The `size` best documents of a term's postings in one field (highest BM25 term weight), in document order. */
function championsOf(p: FieldPostings, id: number, size: number): { docs: Int32Array; tfs: Uint16Array } {
  const from = p.offsets[id]!;
  const to = p.offsets[id + 1]!;
  const weight = new Float64Array(to - from);
  for (let i = from; i < to; i++) {
    const tf = p.tfs[i]!;
    weight[i - from] = (tf * (K + 1)) / (tf + K * (1 - B + (B * p.lengths[p.docs[i]!]!) / p.avgLength));
  }
  const threshold = nthLargest(weight.slice(), size);
  const docs = new Int32Array(size);
  const tfs = new Uint16Array(size);
  let n = 0;
  // Above the threshold first, then ties at it in document order, until `size`; then back to document order.
  const keep = new Uint8Array(to - from);
  for (let i = 0; i < weight.length && n < size; i++) if (weight[i]! > threshold) (keep[i] = 1), n++;
  for (let i = 0; i < weight.length && n < size; i++) if (weight[i] === threshold) (keep[i] = 1), n++;
  let j = 0;
  for (let i = 0; i < keep.length; i++) {
    if (keep[i] === 0) continue;
    docs[j] = p.docs[from + i]!;
    tfs[j] = p.tfs[from + i]!;
    j++;
  }
  return { docs: docs.subarray(0, j), tfs: tfs.subarray(0, j) };
}

/** The k-th largest value (1-based) of an array, reordering it (quickselect). */
function nthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = Math.min(k, values.length) - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}
