import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { initChatModel } from 'langchain/chat_models/universal';
import type { ChatClient } from './chat.ts';
import type { ModelSettings } from './settings.ts';

/**
 * The chat model for model mode, built from configuration with LangChain's initChatModel (any
 * OpenAI-compatible endpoint through the "openai" provider). Kept apart from chat.ts so extractive
 * mode never loads langchain or @langchain/openai (they cost hundreds of milliseconds at start).
 */
export async function createChatClient(settings: ModelSettings): Promise<ChatClient> {
  const model = await initChatModel(settings.chatModel, {
    modelProvider: 'openai',
    apiKey: settings.apiKey,
    configuration: { baseURL: settings.baseURL },
    temperature: 0,
    // One attempt only: a retry after a 429 or a timeout would blow the user's deadline; the
    // extractive answer is the retry.
    maxRetries: 0,
    timeout: settings.timeoutMs,
  });
  return { model: model as unknown as BaseChatModel, settings };
}
