import { TUNING } from '../tuning.ts';

/**
 * Reciprocal-rank fusion (Cormack et al., 2009): each list votes 1 / (k + rank) for its items, so
 * rankers with incomparable scores (BM25-style lexical scores, cosine similarities) can be merged.
 * k = 60 is the value from the paper; it keeps one list's top item from drowning the others.
 */
export const RRF_K = TUNING.model.rrfK;

export interface Fused<T> {
  item: T;
  score: number;
  /** Best (lowest) 0-based rank the item had in any list. */
  bestRank: number;
}

/** Merges ranked lists (best first) into one, items identified by `key`; ties keep first-seen order. */
export function reciprocalRankFusion<T>(lists: T[][], key: (item: T) => string, k: number = RRF_K): Fused<T>[] {
  const byKey = new Map<string, Fused<T> & { order: number }>();
  let order = 0;
  for (const list of lists) {
    list.forEach((item, rank) => {
      const id = key(item);
      const entry = byKey.get(id);
      if (entry) {
        entry.score += 1 / (k + rank + 1);
        entry.bestRank = Math.min(entry.bestRank, rank);
      } else {
        byKey.set(id, { item, score: 1 / (k + rank + 1), bestRank: rank, order: order++ });
      }
    });
  }
  return [...byKey.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ item, score, bestRank }) => ({ item, score, bestRank }));
}
