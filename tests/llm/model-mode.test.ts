import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import type { GomezCore } from '../../src/core.ts';
import { createCore } from '../../src/create-core.ts';
import { verifyQuote } from '../../src/answer/verify.ts';
import { PROMPTS_DIR } from '../../src/llm/prompts.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai.ts';
import { guestPassage, json, kindOf, modelScript, passagesOf } from './fake-script.ts';
import { CORPUS_DIR } from './helpers.ts';

const TIMEOUT_MS = 1000;
const QUESTION = 'What did Gomez say about synthetic data?';
const SYNTHETIC = '合成数据';

let fake: FakeOpenAI;
let dataDir: string;
let extractiveCore: GomezCore;
let modelCore: GomezCore;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  dataDir = mkdtempSync(join(tmpdir(), 'gomez-model-'));
  extractiveCore = await createCore({ corpusDir: CORPUS_DIR, env: readEnv({}), dataDir });
  modelCore = await createCore({
    corpusDir: CORPUS_DIR,
    env: readEnv({ OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'sk-test-key-abcdef', OPENAI_TIMEOUT_MS: String(TIMEOUT_MS) }),
    dataDir,
  });
});

afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function answerRequests() {
  return fake.chatRequests().filter((r) => kindOf(r) === 'answer');
}

/** A valid model answer over the synthetic-data passage the fake was shown. */
const validAnswer = modelScript((request) => {
  const passage = guestPassage(request, SYNTHETIC);
  if (!passage) return json({ answered: false, sentences: [], quotes: [] });
  const sentence = passage.original.split(/(?<=。)/).find((s) => s.includes(SYNTHETIC))!;
  return json({
    answered: true,
    sentences: [{ text: 'Gomez discusses synthetic data.', passage_ids: [passage.id] }],
    quotes: [{ passage_id: passage.id, text: sentence }],
  });
});

describe('model mode over the real core and the fake OpenAI server', () => {
  it('falls back to JSON mode when the server refuses structured output, and still answers with the model', async () => {
    fake.onChat((request) => {
      const format = (request.raw.response_format as { type?: string } | undefined)?.type;
      if (kindOf(request) === 'answer' && format === 'json_schema') return { kind: 'status', status: 400, message: 'response_format json_schema is not supported' };
      return validAnswer(request);
    });
    const before = answerRequests().length;
    const answer = await modelCore.ask(QUESTION);
    const sent = answerRequests().slice(before).map((r) => (r.raw.response_format as { type: string }).type);
    expect(sent).toEqual(['json_schema', 'json_object']);
    expect(answer.mode).toBe('llm');
    expect(answer.quotes[0]!.text).toContain(SYNTHETIC);
  });

  it('retrieves through the LangChain retriever: a callback handler sees every retrieval and the model call', async () => {
    fake.onChat(validAnswer);
    const seen = { retrievers: 0, chatModels: 0 };
    const handler = BaseCallbackHandler.fromMethods({
      handleRetrieverStart: () => void seen.retrievers++,
      handleChatModelStart: () => void seen.chatModels++,
    });
    const answer = await modelCore.ask(QUESTION, { callbacks: [handler] });
    expect(answer.mode).toBe('llm');
    // The extractive evidence (person and asked-question channels) and the model's own lexical query.
    expect(seen.retrievers).toBeGreaterThanOrEqual(3);
    expect(seen.chatModels).toBeGreaterThanOrEqual(1);

    const extractive = { retrievers: 0 };
    const counter = BaseCallbackHandler.fromMethods({ handleRetrieverStart: () => void extractive.retrievers++ });
    const plain = await extractiveCore.ask('hey team, quick q: what did gomez say abt synthetic data?? ty', { callbacks: [counter] });
    expect(plain.answered).toBe(true);
    expect(extractive.retrievers).toBeGreaterThanOrEqual(2);
  });

  it('sends the persona, the answer rules and the retrieved passages, and returns a verified llm answer', async () => {
    fake.onChat(validAnswer);
    const answer = await modelCore.ask(QUESTION);

    const request = answerRequests().at(-1)!;
    const system = request.messages.find((m) => m.role === 'system')!.content;
    const persona = readFileSync(join(PROMPTS_DIR, 'persona.md'), 'utf8').split('\n').find((l) => l.startsWith('You are'))!;
    expect(system).toContain(persona.replace('{{guest}}', 'Aidan Gomez'));
    expect(system).toContain('Reply with one JSON object');
    expect(system).not.toContain('{{');
    const passages = passagesOf(request);
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.some((p) => p.role === 'guest' && p.speaker === 'Aidan Gomez' && p.original.includes(SYNTHETIC) && p.translation)).toBe(true);
    expect(request.messages.find((m) => m.role === 'user')!.content).toContain(QUESTION);
    // Structured output first (the prompt template piped into withStructuredOutput).
    expect((request.raw.response_format as { type: string }).type).toBe('json_schema');

    expect(answer.mode).toBe('llm');
    expect(answer.answered).toBe(true);
    expect(answer.question).toBe(QUESTION);
    // The model's sentence, then what the source is (added to every answer, model or not).
    expect(answer.answer).toMatch(/^Gomez discusses synthetic data\. The quotes come from 量子位/);
    expect(answer.answer).toContain("not Aidan Gomez's own words");
    expect(answer.quotes.length).toBe(1);
    for (const quote of answer.quotes) {
      expect(quote.text).toContain(SYNTHETIC);
      expect(quote.speaker).toBe('Aidan Gomez');
      expect(quote.translation).toBeTruthy();
      expect(quote.source.url).toMatch(/^https:\/\//);
      expect(verifyQuote(quote, modelCore.corpus, 'Aidan Gomez').ok).toBe(true);
    }
  });

  it('searches an English question also in Chinese, rendered by the model', async () => {
    fake.onChat(validAnswer);
    const before = fake.chatRequests().length;
    await modelCore.ask(QUESTION);
    const translate = fake.chatRequests().slice(before).find((r) => kindOf(r) === 'translate');
    expect(translate?.messages.at(-1)?.content).toBe(QUESTION);
    expect(translate?.messages[0]?.content).toContain('Chinese');
  });

  it('keeps neither an invented quote nor a host quote', async () => {
    let hostText = '';
    let invented = '';
    fake.onChat(
      modelScript((request) => {
        const passages = passagesOf(request);
        const host = passages.find((p) => p.role === 'host')!;
        const guest = passages.find((p) => p.role === 'guest')!;
        hostText = host.original;
        invented = '机器人将在明年取代所有的软件工程师,这是我最确定的事。';
        return json({
          answered: true,
          sentences: [
            { text: 'Gomez predicts robots will replace all programmers next year.', passage_ids: [guest.id] },
            { text: 'He asks what the synthetic data market will look like.', passage_ids: [host.id] },
          ],
          quotes: [
            { passage_id: guest.id, text: invented },
            { passage_id: host.id, text: host.original },
          ],
        });
      }),
    );
    const answer = await modelCore.ask(QUESTION);
    const expected = await extractiveCore.ask(QUESTION);
    expect(hostText).not.toBe('');
    expect(answer.quotes.some((q) => q.text.includes(invented) || hostText.includes(q.text))).toBe(false);
    expect(answer.answer).not.toContain('robots');
    // Nothing verifiable was left: the extractive answer stands.
    expect(answer).toEqual(expected);
    expect(answer.mode).toBe('extractive');
  });

  it('drops the bad quotes but keeps the good one beside them', async () => {
    fake.onChat(
      modelScript((request) => {
        const passages = passagesOf(request);
        const host = passages.find((p) => p.role === 'host')!;
        const good = guestPassage(request, SYNTHETIC)!;
        const sentence = good.original.split(/(?<=。)/).find((s) => s.includes(SYNTHETIC))!;
        return json({
          answered: true,
          sentences: [{ text: 'Gomez points to synthetic data.', passage_ids: [good.id] }],
          quotes: [
            { passage_id: good.id, text: '合成数据将在明年彻底取代人类程序员。' },
            { passage_id: host.id, text: host.original },
            { passage_id: good.id, text: sentence },
          ],
        });
      }),
    );
    const answer = await modelCore.ask(QUESTION);
    expect(answer.mode).toBe('llm');
    expect(answer.quotes).toHaveLength(1);
    expect(answer.quotes[0]!.text).toContain(SYNTHETIC);
    expect(verifyQuote(answer.quotes[0]!, modelCore.corpus, 'Aidan Gomez').ok).toBe(true);
  });

  it.each([
    ['a server that hangs past the timeout', { kind: 'hang' } as const],
    ['HTTP 429', { kind: 'status', status: 429 } as const],
    ['HTTP 500', { kind: 'status', status: 500 } as const],
    ['a malformed JSON body', { kind: 'raw', body: '{"id":"chatcmpl-x","choices":[{"message":' } as const],
    ['a reply that is not the JSON answer', { kind: 'content', content: 'Sure! Gomez thinks data matters.' } as const],
  ])('falls back to the extractive answer on %s, within the timeout plus one second', async (_name, reply) => {
    fake.onChat(() => reply);
    const expected = await extractiveCore.ask(QUESTION);
    const started = Date.now();
    const answer = await modelCore.ask(QUESTION);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    expect(answer).toEqual(expected);
    expect(answer.mode).toBe('extractive');
    expect(answer.answered).toBe(true);
    expect(answer.quotes.length).toBeGreaterThan(0);
  });

  it('a follow-up on a hanging server costs one timeout and is condensed by the heuristic', async () => {
    fake.onChat(() => ({ kind: 'hang' }));
    const history = [{ question: QUESTION }];
    const started = Date.now();
    const answer = await modelCore.ask('and why?', { history });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    expect(answer).toEqual(await extractiveCore.ask('and why?', { history }));
    expect(answer.quotes.some((q) => q.text.includes(SYNTHETIC))).toBe(true);
  });

  it('logs why it fell back, and never the key', async () => {
    fake.onChat(() => ({ kind: 'status', status: 429, message: 'Rate limit reached for key sk-test-key-abcdef' }));
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      await modelCore.ask(QUESTION);
    } finally {
      spy.mockRestore();
    }
    const fallback = lines.map((l) => JSON.parse(l)).find((l) => l.msg?.startsWith('model answer not used'));
    expect(fallback).toMatchObject({ level: 'warn', reason: 'rate-limited', status: 429 });
    expect(lines.join('')).not.toContain('sk-test-key-abcdef');
  });

  it('condenses a follow-up with its thread history before answering', async () => {
    fake.onChat(validAnswer);
    const before = fake.chatRequests().length;
    const history = [{ question: QUESTION, answer: 'Gomez says Cohere turned to synthetic data.' }];
    const answer = await modelCore.ask('and why?', { history });
    const requests = fake.chatRequests().slice(before);
    const condense = requests.find((r) => kindOf(r) === 'condense');
    expect(condense).toBeDefined();
    const user = condense!.messages.find((m) => m.role === 'user')!.content;
    expect(user).toContain(QUESTION);
    expect(user).toContain('Gomez says Cohere turned to synthetic data.');
    expect(user).toContain('and why?');
    // The standalone question the model wrote is what gets answered.
    const answerRequest = requests.find((r) => kindOf(r) === 'answer')!;
    expect(answerRequest.messages.find((m) => m.role === 'user')!.content).toContain(
      'Question: What did Aidan Gomez say about synthetic data?',
    );
    expect(answer.question).toBe('and why?');
    expect(answer.mode).toBe('llm');
  });

  it('lets a refusal stand without asking the model', async () => {
    fake.onChat(validAnswer);
    const before = answerRequests().length;
    const question = 'What did Gomez say about the price of Bitcoin?';
    const answer = await modelCore.ask(question);
    expect(answer).toEqual(await extractiveCore.ask(question));
    expect(answer.answered).toBe(false);
    expect(answerRequests().length).toBe(before);
  });

  it('condenses follow-ups without a model too', async () => {
    const history = [{ question: QUESTION }];
    const followUp = await extractiveCore.ask('and why?', { history });
    expect(followUp.answered).toBe(true);
    expect(followUp.quotes.some((q) => q.text.includes(SYNTHETIC))).toBe(true);
  });
});
