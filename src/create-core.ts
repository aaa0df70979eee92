import { ExtractiveAnswerer } from './answer/extractive.ts';
import { withConversation } from './answer/llm/wire.ts';
import type { Person } from './answer/person.ts';
import { Templates } from './answer/templates.ts';
import type { Env } from './config/env.ts';
import type { GomezCore } from './core.ts';
import { loadCorpus } from './corpus/load.ts';
import type { Corpus } from './corpus/types.ts';
import { createSummarizer } from './summary/summarizer.ts';
import { summaryModel } from './summary/model-wiring.ts';
import { verifyQuote } from './answer/verify.ts';
import { loadOrBuildIndex } from './search/index-cache.ts';
import { PassageIndex } from './search/passage-index.ts';
import { withSourceDetails } from './sources/with-source-details.ts';

export interface CreateCoreOptions {
  corpusDir: string;
  env: Env;
  /** Where state and caches live: with it, the saved passage index is loaded instead of rebuilt. */
  dataDir?: string;
}

const DEFAULT_BOT_NAME = 'Verbatim';

/** The person questions are about: GUEST when set (matched by speaker name), else each source's guest. */
function defaultPerson(corpus: Corpus, env: Env): Person {
  if (env.GUEST) return { name: env.GUEST, speaker: env.GUEST };
  const guest = corpus.sources.find((s) => s.meta.guest)?.meta.guest ?? 'the guest';
  return { name: guest, speaker: null };
}

/**
 * Wires the core: corpus -> passage index -> extractive answerer. Adapters receive the GomezCore and
 * nothing else. Model mode and follow-up condensing wrap `ask` here; summaries plug into `summarize`.
 */
export async function createCore(options: CreateCoreOptions): Promise<GomezCore> {
  const corpus = loadCorpus(options.corpusDir);
  // With a data directory, the index saved for this exact corpus is loaded instead of rebuilt (index-cache.ts).
  const index = options.dataDir ? loadOrBuildIndex(corpus, { dataDir: options.dataDir }).index : PassageIndex.build(corpus);
  const person = defaultPerson(corpus, options.env);
  const templates = Templates.load();
  const answerer = new ExtractiveAnswerer({ corpus, index, templates, defaultPerson: person });

  // Summaries reuse the answerer's retrieval (topic summaries) and the one quote check.
  const summarize = createSummarizer({
    corpus,
    guestName: person.name,
    quotesOn: (topic, askOptions) => answerer.quotes(topic, askOptions),
    verify: (quote) => verifyQuote(quote, corpus, person).ok,
    speaker: person.speaker,
    ...(await summaryModel(options.env, person.name)),
  });
  const core: GomezCore = {
    corpus,
    guestName: person.name,
    botName: options.env.BOT_NAME ?? DEFAULT_BOT_NAME,
    ask: async (question, askOptions) => answerer.ask(question, askOptions),
    read: (text, history) => answerer.read(text, history),
    quotes: async (topic, askOptions) => answerer.quotes(topic, askOptions),
    summarize: async (summaryOptions) => summarize(summaryOptions),
    topics: () => answerer.topics(),
  };
  // Follow-up condensing (both modes) and model mode (OPENAI_API_KEY / OPENAI_BASE_URL) wrap `ask`.
  const conversing = await withConversation({ core, answerer, index, env: options.env, dataDir: options.dataDir });
  // Outermost: article names, viewer links (PUBLIC_URL) and the framing note, whichever mode answered.
  return withSourceDetails(conversing, { templates, publicUrl: options.env.PUBLIC_URL });
}
