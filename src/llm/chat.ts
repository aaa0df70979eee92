import type { Callbacks } from '@langchain/core/callbacks/manager';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import { classifyModelError, ModelError } from './failure.ts';
import type { ModelSettings } from './settings.ts';

/** The chat model plus the settings its calls must respect. */
export interface ChatClient {
  readonly model: BaseChatModel;
  readonly settings: ModelSettings;
}

export interface CallOptions {
  /** Ask the server for a JSON object (OpenAI `response_format: json_object`). */
  json?: boolean;
  signal?: AbortSignal;
  /** Time left for this call (defaults to the configured timeout); one question shares one budget. */
  timeoutMs?: number;
  /** LangChain callbacks of the question (tracing), passed to every runnable the call invokes. */
  callbacks?: Callbacks;
}

/** What a runnable call receives: the combined abort signal and the question's callbacks. */
export interface RunConfig {
  signal: AbortSignal;
  callbacks?: Callbacks;
}

/**
 * Runs one model call (any LangChain runnable) so it settles within the configured timeout whatever
 * the server does (hangs, slow bodies). Rejects with a ModelError saying why.
 */
export async function withDeadline<T>(client: ChatClient, run: (config: RunConfig) => Promise<T>, options: CallOptions = {}): Promise<T> {
  const timeoutMs = Math.max(0, Math.min(options.timeoutMs ?? client.settings.timeoutMs, client.settings.timeoutMs));
  const deadline = new AbortController();
  let deadlinePassed = false;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      deadlinePassed = true;
      deadline.abort();
      reject(new ModelError('timeout', `no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  try {
    // Racing guards against a client that ignores the abort signal.
    return await Promise.race([run({ signal, ...(options.callbacks ? { callbacks: options.callbacks } : {}) }), expired]);
  } catch (error) {
    throw classifyModelError(error, deadlinePassed, client.settings.apiKey);
  } finally {
    clearTimeout(timer);
    expired.catch(() => undefined);
  }
}

/** One chat call resolving to the message text; rejects with a ModelError saying why. */
export async function callChat(client: ChatClient, messages: BaseMessage[], options: CallOptions = {}): Promise<string> {
  const message = await withDeadline(
    client,
    (config) => client.model.invoke(messages, { ...config, ...(options.json ? { response_format: { type: 'json_object' as const } } : {}) } as never),
    options,
  );
  const text = message.text;
  if (!text.trim()) throw new ModelError('malformed-response', 'empty message content');
  return text;
}
