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

/** The first quote's translation the request showed for a theme. */
function firstTranslation(request: FakeChatRequest, theme: string): string {
  const block = request.text.split(/^(?=T\d+\. )/m).find((b) => b.startsWith(`${theme}. `)) ?? '';
  return /translation: (.*)/.exec(block)?.[1] ?? '';
}

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
  it('uses the model\'s titles and takeaways where the quotes back them; quotes stay the verified extractive ones', async () => {
    fake.onChat((request) => {
      if (!isSummaryRequest(request)) return { kind: 'content', content: '{}' };
      const takeaways = themeIds(request).map((theme, i) => {
        // A line the theme's own translated quote backs, word for word.
        const backed = firstTranslation(request, theme).split(/[,.;:]/)[0]!.trim();
        const text =
          i === 1 ? 'I think scale is everything.' // speaks as Gomez
          : i === 2 ? 'Gomez says "data is king".' // invents a quotation
          : i === 3 ? 'Gomez says OpenAI will go bankrupt next year.' // a claim no quote of the theme makes
          : `Gomez says ${backed.charAt(0).toLowerCase()}${backed.slice(1)}.`;
        const title = i === 0 ? backed.split(/\s+/).slice(0, 5).join(' ') : i === 4 ? 'Bitcoin and weather' : undefined;
        return { theme, ...(title ? { title } : {}), text };
      });
      return { kind: 'content', content: JSON.stringify({ takeaways }) };
    });
    const summary = await summarizeWithModel();
    expect(summary.mode).toBe('llm');
    const request = fake.chatRequests().filter(isSummaryRequest).at(-1)!;
    const first = firstTranslation(request, 'T1').split(/[,.;:]/)[0]!.trim();
    expect(summary.themes[0]!.title).toBe(first.split(/\s+/).slice(0, 5).join(' '));
    expect(summary.themes[0]!.takeaway).toBe(`Gomez says ${first.charAt(0).toLowerCase()}${first.slice(1)}.`);
    for (const i of [1, 2, 3]) expect(summary.themes[i]!.takeaway).toBe(extractive.themes[i]!.takeaway);
    // A keyword pair the quotes do not back keeps the extractive title.
    expect(summary.themes[4]!.title).toBe(extractive.themes[4]!.title);
    expect(summary.themes.slice(1).map((t) => t.title)).toEqual(extractive.themes.slice(1).map((t) => t.title));
    expect(allQuotes(summary)).toEqual(allQuotes(extractive));
    const corpus = await seedCorpus();
    for (const quote of allQuotes(summary)) expect(verifyQuote(quote, corpus, GUEST).ok).toBe(true);
    // The model was shown the quotes with their translations, and told the rules.
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
