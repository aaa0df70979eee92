/** A corpus repeated n times in memory (sources get new ids), to see how costs grow with size. */
import type { Corpus, Passage, Source } from '../src/corpus/types.ts';

export function replicate(corpus: Corpus, copies: number): Corpus {
  if (copies <= 1) return corpus;
  const sources: Source[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const source of corpus.sources) {
      if (copy === 0) {
        sources.push(source);
        continue;
      }
      const id = `${source.meta.id}~${copy + 1}`;
      // Texts and sentences are shared (read-only); only the identities change.
      const passages: Passage[] = source.passages.map((p) => ({ ...p, id: `${id}#${p.index}`, sourceId: id }));
      sources.push({ ...source, meta: { ...source.meta, id }, passages });
    }
  }
  return { dir: corpus.dir, sources, passages: sources.flatMap((s) => s.passages), hash: `${corpus.hash}x${copies}` };
}
