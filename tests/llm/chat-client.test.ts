import { createServer } from 'node:net';
import { HumanMessage } from '@langchain/core/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callChat } from '../../src/llm/chat.ts';
import { createChatClient } from '../../src/llm/client.ts';
import { createEmbeddings } from '../../src/llm/embeddings.ts';
import { ModelError } from '../../src/llm/failure.ts';
import { modelSettings } from '../../src/llm/settings.ts';
import { readEnv } from '../../src/config/env.ts';
import { fakeEmbedding, startFakeOpenAI, type FakeOpenAI } from '../fakes/openai.ts';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

function client(timeoutMs = 1000, baseURL = fake.baseURL) {
  const settings = modelSettings(readEnv({ OPENAI_BASE_URL: baseURL, OPENAI_API_KEY: 'sk-test-secret-123456', OPENAI_TIMEOUT_MS: String(timeoutMs) }));
  if (!settings) throw new Error('model mode should be on');
  return createChatClient(settings);
}

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

describe('model settings', () => {
  it('is off without a key or base URL, on with either', () => {
    expect(modelSettings(readEnv({}))).toBeNull();
    expect(modelSettings(readEnv({ OPENAI_API_KEY: 'k' }))?.chatModel).toBe('gpt-4o-mini');
    const local = modelSettings(readEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3.1' }));
    expect(local).toMatchObject({ chatModel: 'llama3.1', timeoutMs: 20_000, embeddingsModel: undefined });
    expect(local?.apiKey).toBeTruthy();
  });
});

describe('callChat against the fake OpenAI server (real ChatOpenAI)', () => {
  it('returns the message content and sends model, messages and key', async () => {
    fake.onChat(() => ({ kind: 'content', content: 'hello there' }));
    const text = await callChat(await client(), [new HumanMessage('hi')], { json: true });
    expect(text).toBe('hello there');
    const last = fake.requests.at(-1)!;
    expect(last.path).toBe('/v1/chat/completions');
    expect(last.headers.authorization).toBe('Bearer sk-test-secret-123456');
    const request = fake.chatRequests().at(-1)!;
    expect(request.model).toBe('gpt-4o-mini');
    expect(request.messages).toEqual([{ role: 'user', content: 'hi' }]);
    expect(request.raw.response_format).toEqual({ type: 'json_object' });
  });

  it('gives up on a hanging server at the timeout', async () => {
    fake.onChat(() => ({ kind: 'hang' }));
    const started = Date.now();
    const error = await failure(callChat(await client(500), [new HumanMessage('hi')]));
    expect(error.reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(500 + 1000);
  });

  it.each([
    [429, 'rate-limited'],
    [500, 'server-error'],
    [503, 'server-error'],
    [401, 'http-error'],
  ] as const)('classifies HTTP %i as %s, with one attempt only', async (status, reason) => {
    fake.onChat(() => ({ kind: 'status', status, message: 'Incorrect API key provided: sk-test-secret-123456' }));
    const before = fake.chatRequests().length;
    const error = await failure(callChat(await client(), [new HumanMessage('hi')]));
    expect(error.reason).toBe(reason);
    expect(error.status).toBe(status);
    expect(error.message).not.toContain('sk-test-secret-123456');
    expect(fake.chatRequests().length - before).toBe(1);
  });

  it('classifies a malformed body and an empty message', async () => {
    fake.onChat(() => ({ kind: 'raw', body: '{"id": "chatcmpl-1", "choices": [' }));
    expect((await failure(callChat(await client(), [new HumanMessage('hi')]))).reason).toBe('malformed-response');
    fake.onChat(() => ({ kind: 'content', content: '   ' }));
    expect((await failure(callChat(await client(), [new HumanMessage('hi')]))).reason).toBe('malformed-response');
  });

  it('classifies a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(callChat(await client(1000, `http://127.0.0.1:${port}/v1`), [new HumanMessage('hi')]));
    expect(error.reason).toBe('unreachable');
  });
});

describe('OpenAIEmbeddings against the fake', () => {
  it('returns the fake vectors', async () => {
    const settings = modelSettings(
      readEnv({ OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'k', OPENAI_EMBEDDINGS_MODEL: 'text-embedding-3-small' }),
    );
    const embeddings = createEmbeddings(settings!);
    const [vector] = await embeddings!.embedDocuments(['合成数据']);
    expect(vector).toHaveLength(fakeEmbedding('x').length);
    expect(vector![0]).toBeCloseTo(fakeEmbedding('合成数据')[0]!, 5);
    expect(fake.embeddedTexts()).toContain('合成数据');
  });
});
