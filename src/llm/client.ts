import { ChatOpenAI } from '@langchain/openai';
import type { ChatClient } from './chat.ts';
import type { ModelSettings } from './settings.ts';

/**
 * The ChatOpenAI client for model mode. Kept apart from chat.ts so extractive mode never loads
 * @langchain/openai (it costs hundreds of milliseconds at start).
 */
export function createChatClient(settings: ModelSettings): ChatClient {
  const model = new ChatOpenAI({
    model: settings.chatModel,
    apiKey: settings.apiKey,
    configuration: { baseURL: settings.baseURL },
    temperature: 0,
    // One attempt only: a retry after a 429 or a timeout would blow the user's deadline; the
    // extractive answer is the retry.
    maxRetries: 0,
    timeout: settings.timeoutMs,
  });
  return { model, settings };
}
