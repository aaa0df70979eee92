import type { BaseMessage } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';
import { classifyModelError, ModelError } from './failure.ts';
import type { ModelSettings } from './settings.ts';

/** The chat model plus the settings its calls must respect. */
export interface ChatClient {
  readonly model: ChatOpenAI;
  readonly settings: ModelSettings;
}

export interface CallOptions {
  /** Ask the server for a JSON object (OpenAI `response_format: json_object`). */
  json?: boolean;
  signal?: AbortSignal;
  /** Time left for this call (defaults to the configured timeout); one question shares one budget. */
  timeoutMs?: number;
}

/**
 * One chat call that settles within the configured timeout whatever the server does (hangs, slow
 * bodies). Resolves to the message text; rejects with a ModelError saying why.
 */
export async function callChat(client: ChatClient, messages: BaseMessage[], options: CallOptions = {}): Promise<string> {
  const { apiKey } = client.settings;
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
    const call = client.model.invoke(messages, {
      signal,
      ...(options.json ? { response_format: { type: 'json_object' as const } } : {}),
    });
    // Racing guards against a client that ignores the abort signal.
    const message = await Promise.race([call, expired]);
    const text = message.text;
    if (!text.trim()) throw new ModelError('malformed-response', 'empty message content');
    return text;
  } catch (error) {
    throw classifyModelError(error, deadlinePassed, apiKey);
  } finally {
    clearTimeout(timer);
    expired.catch(() => undefined);
  }
}
