import type { Env } from '../../config/env.ts';
import { TUNING } from '../../tuning.ts';
import type { GomezCore } from '../../core.ts';
import type { PassageIndex } from '../../search/passage-index.ts';
import type { ExtractiveAnswerer } from '../extractive.ts';
import { personFilter } from '../person.ts';
import { modelSettings } from '../../llm/settings.ts';
import { withModelMode } from './with-model.ts';

/** Passages of the person's turns fetched per lexical query for the model's evidence. */
const LEXICAL_K = TUNING.model.lexicalK;

export interface ConversationWiring {
  /** The extractive core built by createCore. */
  core: GomezCore;
  answerer: ExtractiveAnswerer;
  index: PassageIndex;
  env: Env;
  dataDir?: string;
}

/**
 * What createCore returns around the extractive core: questions read with their thread's history
 * always, model mode when OPENAI_API_KEY or OPENAI_BASE_URL is set (see docs/model-mode.md).
 */
export async function withConversation(wiring: ConversationWiring): Promise<GomezCore> {
  const { core, answerer, index, env } = wiring;
  if (!modelSettings(env)) return withModelMode(core, answerer, null);
  // Loaded only in model mode: @langchain/openai adds hundreds of milliseconds to every start.
  const { ModelMode } = await import('./model-mode.ts');
  const { PassageRetriever } = await import('../../search/retriever.ts');
  const retriever = PassageRetriever.fromIndex(index);
  const mode = await ModelMode.create({
    corpus: core.corpus,
    env,
    dataDir: wiring.dataDir,
    // The model's extra lexical queries (its translations of the question) go through the retriever too.
    lexical: async (query, person, callbacks) =>
      retriever
        .hitsOf(
          await retriever.invoke(query, {
            configurable: { passageQuery: { filter: personFilter(person), k: LEXICAL_K } },
            runName: 'PassageRetriever:model',
            ...(callbacks ? { callbacks } : {}),
          }),
        )
        .map((hit) => hit.passage),
  });
  return withModelMode(core, answerer, mode);
}
