import type { Env } from '../config/env.ts';

/** Model used when OPENAI_MODEL is not set: cheap, fast, good at following a JSON format. */
export const DEFAULT_CHAT_MODEL = 'gpt-4o-mini';

/**
 * Local OpenAI-compatible servers (llama.cpp, vLLM, Ollama) ignore the key, but the OpenAI client
 * refuses to start without one.
 */
const PLACEHOLDER_KEY = 'not-needed';

/** What model mode needs to reach an OpenAI-compatible endpoint. */
export interface ModelSettings {
  apiKey: string;
  /** Undefined means api.openai.com. */
  baseURL: string | undefined;
  chatModel: string;
  /** Set only when OPENAI_EMBEDDINGS_MODEL is: dense retrieval is opt-in. */
  embeddingsModel: string | undefined;
  /** Deadline for one whole model call, retries included. */
  timeoutMs: number;
}

/** Model mode is on when OPENAI_API_KEY or OPENAI_BASE_URL is set; null means extractive only. */
export function modelSettings(env: Env): ModelSettings | null {
  if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) return null;
  return {
    apiKey: env.OPENAI_API_KEY ?? PLACEHOLDER_KEY,
    baseURL: env.OPENAI_BASE_URL,
    chatModel: env.OPENAI_MODEL ?? DEFAULT_CHAT_MODEL,
    embeddingsModel: env.OPENAI_EMBEDDINGS_MODEL,
    timeoutMs: env.OPENAI_TIMEOUT_MS,
  };
}
