import type { Env } from '../../config/env.ts';
import type { GomezCore } from '../../core.ts';
import type { PassageIndex } from '../../search/passage-index.ts';
import { personFilter, PersonResolver, type Person } from '../person.ts';
import { modelSettings } from '../../llm/settings.ts';
import { withModelMode } from './with-model.ts';

/** Passages of the person's turns fetched per lexical query for the model's evidence. */
const LEXICAL_K = 10;

export interface ConversationWiring {
  /** The extractive core built by createCore. */
  core: GomezCore;
  index: PassageIndex;
  defaultPerson: Person;
  env: Env;
  dataDir?: string;
}

/**
 * What createCore returns around the extractive core: follow-up condensing always, model mode when
 * OPENAI_API_KEY or OPENAI_BASE_URL is set (see docs/model-mode.md).
 */
export async function withConversation(wiring: ConversationWiring): Promise<GomezCore> {
  const { core, index, defaultPerson, env } = wiring;
  if (!modelSettings(env)) return withModelMode(core, null);
  // Loaded only in model mode: @langchain/openai adds hundreds of milliseconds to every start.
  const { ModelMode } = await import('./model-mode.ts');
  const { PassageRetriever } = await import('../../search/retriever.ts');
  const people = new PersonResolver(core.corpus, defaultPerson);
  const retriever = PassageRetriever.fromIndex(index);
  const mode = await ModelMode.create({
    corpus: core.corpus,
    env,
    dataDir: wiring.dataDir,
    personFor: (question) => people.resolve(question),
    lexical: async (query, person) => retriever.searchPassages(query, personFilter(person), LEXICAL_K).map((hit) => hit.passage),
  });
  return withModelMode(core, mode);
}
