import { resolve } from 'node:path';
import { quoteOf } from '../../src/answer/quote.ts';
import type { Answer, Quote, Summary } from '../../src/answer/types.ts';
import { verifyQuote } from '../../src/answer/verify.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { createSummarizer } from '../../src/summary/summarizer.ts';

export const CORPUS_DIR = resolve(import.meta.dirname, '../../corpus');
export const GUEST = { name: 'Aidan Gomez', speaker: null };

let cached: Corpus | undefined;
export async function seedCorpus(): Promise<Corpus> {
  cached ??= await loadCorpus(CORPUS_DIR);
  return cached;
}

/**
 * A retrieval double for topic summaries: guest sentences whose English contains the topic word, as
 * the core's `quotes` would return them; an unknown topic is refused with suggestions.
 */
export function keywordQuotes(corpus: Corpus) {
  return async (topic: string): Promise<Answer> => {
    const word = topic.toLowerCase();
    const quotes: Quote[] = [];
    for (const source of corpus.sources) {
      for (const passage of source.passages) {
        if (passage.role !== 'guest') continue;
        passage.sentences.forEach((s, i) => {
          if ((s.translation ?? s.text).toLowerCase().includes(word)) quotes.push(quoteOf(source, passage, i, i));
        });
      }
    }
    return quotes.length === 0
      ? { question: topic, answered: false, answer: `The interviews don't cover ${topic}. Try: synthetic data, robotics.`, quotes: [], mode: 'extractive' }
      : { question: topic, answered: true, answer: topic, quotes: quotes.slice(0, 10), mode: 'extractive' };
  };
}

export async function seedSummarizer() {
  const corpus = await seedCorpus();
  return {
    corpus,
    summarize: createSummarizer({
      corpus,
      guestName: GUEST.name,
      quotesOn: keywordQuotes(corpus),
      verify: (q) => verifyQuote(q, corpus, GUEST).ok,
    }),
  };
}

export function allQuotes(summary: Summary): Quote[] {
  return summary.themes.flatMap((t) => t.quotes);
}
