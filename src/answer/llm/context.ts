import type { Corpus, Passage } from '../../corpus/types.ts';

/** Passages shown to the model, under short ids (P1, P2…) that are easy to cite back exactly. */
export interface PassageContext {
  byId: Map<string, Passage>;
  text: string;
}

function translationOf(passage: Passage): string | undefined {
  const parts = passage.sentences.map((s) => s.translation).filter((t): t is string => Boolean(t));
  return parts.length ? parts.join(' ') : undefined;
}

function locatorOf(passage: Passage): string {
  return passage.turn === null ? `paragraph ${passage.index + 1}` : `turn ${passage.turn}`;
}

/** Numbers the passages and renders each with its speaker, role, source, original and translation. */
export function passageContext(corpus: Corpus, passages: Passage[]): PassageContext {
  const byId = new Map<string, Passage>();
  const titles = new Map(corpus.sources.map((s) => [s.meta.id, s.meta.title]));
  const blocks = passages.map((passage, i) => {
    const id = `P${i + 1}`;
    byId.set(id, passage);
    const translation = translationOf(passage);
    return [
      `[${id}]`,
      `speaker: ${passage.speaker ?? '(none)'} | role: ${passage.role}`,
      `source: ${titles.get(passage.sourceId) ?? passage.sourceId}, ${locatorOf(passage)}`,
      `original: ${passage.text}`,
      ...(translation ? [`translation: ${translation}`] : []),
    ].join('\n');
  });
  return { byId, text: blocks.join('\n\n') };
}
