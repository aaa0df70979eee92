import { OpenAIEmbeddings } from '@langchain/openai';
import type { ModelSettings } from './settings.ts';

/** The embeddings client for dense retrieval; null when OPENAI_EMBEDDINGS_MODEL is not set. */
export function createEmbeddings(settings: ModelSettings): OpenAIEmbeddings | null {
  if (!settings.embeddingsModel) return null;
  return new OpenAIEmbeddings({
    model: settings.embeddingsModel,
    apiKey: settings.apiKey,
    configuration: { baseURL: settings.baseURL },
    timeout: settings.timeoutMs,
    maxRetries: 0,
    // Plain float arrays: the base64 default of the OpenAI client is not understood by every
    // OpenAI-compatible server.
    encodingFormat: 'float',
  });
}
