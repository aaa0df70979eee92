import type { Answer } from '../answer/types.ts';
import type { Corpus } from '../corpus/types.ts';

/** Per corpus: passage id -> the topic it falls under (the editors' heading, in English when translated). */
const topicsByCorpus = new WeakMap<Corpus, Map<string, string>>();

function topicsOf(corpus: Corpus): Map<string, string> {
  let topics = topicsByCorpus.get(corpus);
  if (topics) return topics;
  topics = new Map();
  for (const source of corpus.sources) {
    const headings = new Map<string, string>();
    for (const p of source.passages) {
      if (p.role !== 'heading') continue;
      const english = p.sentences.map((s) => s.translation).filter(Boolean).join(' ');
      headings.set(p.text, english || p.text);
    }
    for (const p of source.passages) {
      const topic = p.section !== undefined ? (headings.get(p.section) ?? p.section) : source.meta.title;
      topics.set(p.id, topic);
    }
  }
  topicsByCorpus.set(corpus, topics);
  return topics;
}

/**
 * What an answered question was about, for "most asked topics": the section of the transcript its best
 * quote sits in (the editors' heading), else the source's title. Null for refusals: they have no topic
 * in the corpus, which is the point of listing them.
 */
export function topicOfAnswer(corpus: Corpus, answer: Answer): string | null {
  if (!answer.answered) return null;
  const first = answer.quotes[0];
  if (!first) return null;
  return (first.passageId ? topicsOf(corpus).get(first.passageId) : undefined) ?? first.source.title;
}
