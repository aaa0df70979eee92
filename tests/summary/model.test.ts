import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/answer/types.ts';
import { verifyQuote } from '../../src/answer/verify.ts';
import { readEnv } from '../../src/config/env.ts';
import { createCore } from '../../src/create-core.ts';
import { setLogLevel } from '../../src/log.ts';
import { startFakeOpenAI, type FakeChatRequest, type FakeOpenAI } from '../fakes/openai.ts';
import { allQuotes, CORPUS_DIR, GUEST, seedCorpus } from './helpers.ts';

setLogLevel('silent');

let fake: FakeOpenAI;
let dataDir: string;
let extractive: Summary;
let summarizeWithModel: (topic?: string) => Promise<Summary>;

/** Theme ids (T1, T2, …) the summary request showed the model. */
function themeIds(request: FakeChatRequest): string[] {
  return [...request.text.matchAll(/^(T\d+)\. /gm)].map((m) => m[1]!);
}
const isSummaryRequest = (request: FakeChatRequest) => request.text.includes('"takeaways"');

beforeAll(async () => {
  fake = await startFakeOpenAI();
  dataDir = mkdtempSync(join(tmpdir(), 'gomez-summary-model-'));
  const base = await createCore({ corpusDir: CORPUS_DIR, env: readEnv({ LOG_LEVEL: 'silent' }), dataDir });
  extractive = await base.summarize({});
  const core = await createCore({
    corpusDir: CORPUS_DIR,
    env: readEnv({ OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'sk-test-key-abcdef', OPENAI_TIMEOUT_MS: '2000', LOG_LEVEL: 'silent' }),
    dataDir,
  });
  summarizeWithModel = (topic) => core.summarize({ topic: topic ?? null });
});

afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('summaries with a model (fake OpenAI-compatible server)', () => {
  it('uses the model\'s takeaways where they pass the checks; quotes stay the verified extractive ones', async () => {
    fake.onChat((request) => {
      if (!isSummaryRequest(request)) return { kind: 'content', content: '{}' };
      const takeaways = themeIds(request).map((theme, i) => ({
        theme,
        // T2 speaks as Gomez and T3 invents a quotation: both must be refused.
        text: i === 1 ? 'I think scale is everything.' : i === 2 ? 'Gomez says "data is king".' : `Gomez argues point ${i + 1} from the quotes.`,
      }));
      return { kind: 'content', content: JSON.stringify({ takeaways }) };
    });
    const summary = await summarizeWithModel();
    expect(summary.mode).toBe('llm');
    expect(summary.themes.map((t) => t.title)).toEqual(extractive.themes.map((t) => t.title));
    expect(summary.themes[0]!.takeaway).toBe('Gomez argues point 1 from the quotes.');
    expect(summary.themes[1]!.takeaway).toBe(extractive.themes[1]!.takeaway);
    expect(summary.themes[2]!.takeaway).toBe(extractive.themes[2]!.takeaway);
    expect(allQuotes(summary)).toEqual(allQuotes(extractive));
    const corpus = await seedCorpus();
    for (const quote of allQuotes(summary)) expect(verifyQuote(quote, corpus, GUEST).ok).toBe(true);
    // The model was shown the quotes with their translations, and told the rules.
    const request = fake.chatRequests().filter(isSummaryRequest).at(-1)!;
    expect(request.text).toContain(extractive.themes[0]!.quotes[0]!.text);
    expect(request.text).toContain('third person');
  });

  it('falls back to the extractive summary when the model fails', async () => {
    fake.onChat(() => ({ kind: 'status', status: 500, message: 'boom' }));
    const summary = await summarizeWithModel();
    expect(summary).toEqual(extractive);
  });

  it('a refusal for an uncovered topic never reaches the model', async () => {
    const before = fake.chatRequests().filter(isSummaryRequest).length;
    fake.onChat(() => ({ kind: 'content', content: '{}' }));
    const summary = await summarizeWithModel('cryptocurrency');
    expect(summary).toMatchObject({ answered: false, themes: [] });
    expect(fake.chatRequests().filter(isSummaryRequest).length).toBe(before);
  });
});
