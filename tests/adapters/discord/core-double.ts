import { PersonResolver } from '../../../src/answer/person.ts';
import { QuestionReader } from '../../../src/answer/reading/read.ts';
import { PassageIndex } from '../../../src/search/passage-index.ts';
import type { Answer, Quote } from '../../../src/answer/types.ts';
import { readEnv } from '../../../src/config/env.ts';
import type { AskOptions, GomezCore } from '../../../src/core.ts';
import { createCore } from '../../../src/create-core.ts';
import { loadCorpus } from '../../../src/corpus/load.ts';
import type { Corpus, Passage } from '../../../src/corpus/types.ts';
import { InputError } from '../../../src/errors.ts';

/**
 * A GomezCore stand-in for adapter tests that need control the real core does not give (slow, failing,
 * over-long answers). Its quotes are still real guest sentences of the repo's corpus.
 */
export function loadRepoCorpus(): Corpus {
  return loadCorpus(new URL('../../../corpus', import.meta.url).pathname);
}

function quoteOf(corpus: Corpus, passage: Passage, sentence: number): Quote {
  const source = corpus.sources.find((s) => s.meta.id === passage.sourceId)!;
  const s = passage.sentences[sentence]!;
  return {
    text: s.text,
    ...(s.translation ? { translation: s.translation } : {}),
    speaker: passage.speaker ?? 'Aidan Gomez',
    source: { id: source.meta.id, title: source.meta.title, url: source.meta.url, locator: `turn ${passage.turn}` },
    passageId: passage.id,
  };
}

export function guestQuotes(corpus: Corpus): Quote[] {
  return corpus.passages
    .filter((p) => p.role === 'guest')
    .flatMap((p) => p.sentences.map((_, i) => quoteOf(corpus, p, i)));
}

export function coreDouble(corpus: Corpus, overrides: Partial<GomezCore> = {}): GomezCore {
  const all = guestQuotes(corpus);
  const page = (question: string, options: AskOptions = {}): Answer => {
    if (!question.trim()) throw new InputError('Please ask a question.');
    const offset = options.offset ?? 0;
    return {
      question,
      answered: true,
      answer: `Gomez spoke about ${question}.`,
      quotes: all.slice(offset, offset + (options.limit ?? 3)),
      mode: 'extractive',
    };
  };
  const reader = new QuestionReader(corpus, PassageIndex.build(corpus), new PersonResolver(corpus, { name: 'Aidan Gomez', speaker: null }));
  return {
    corpus,
    read: (text, history) => reader.read(text, history),
    guestName: 'Aidan Gomez',
    botName: 'Verbatim',
    ask: async (q, o) => page(q, o),
    quotes: async (q, o) => page(q, o),
    summarize: async () => {
      throw new InputError('Summaries are not available yet.');
    },
    topics: () => ['synthetic data', 'scaling laws', 'curriculum learning', 'data quality', 'enterprise AI'],
    ...overrides,
  };
}

/** The core the end-to-end tests answer with: the real one, extractive, over the repo's corpus/. */
export async function testCore(): Promise<GomezCore> {
  // An empty environment: no model, no network, whatever the developer's shell has set.
  return createCore({ corpusDir: new URL('../../../corpus', import.meta.url).pathname, env: readEnv({}) });
}
