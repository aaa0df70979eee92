import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { createCore } from '../../src/create-core.ts';
import { createEmbeddings } from '../../src/llm/embeddings.ts';
import { modelSettings } from '../../src/llm/settings.ts';
import { DenseRetriever, embeddingText } from '../../src/search/dense.ts';
import { EmbeddingCache } from '../../src/search/embedding-cache.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai.ts';
import { json, kindOf, modelScript, passagesOf } from './fake-script.ts';
import { CORPUS_DIR, repoCorpus } from './helpers.ts';

let fake: FakeOpenAI;
const dirs: string[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gomez-dense-'));
  dirs.push(dir);
  return dir;
}

function modelEnv(dataDir: string) {
  return readEnv({
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_EMBEDDINGS_MODEL: 'text-embedding-3-small',
    OPENAI_TIMEOUT_MS: '2000',
    DATA_DIR: dataDir,
  });
}

describe('DenseRetriever with OpenAIEmbeddings against the fake', () => {
  it('ranks the passage closest to the query first', async () => {
    const corpus = repoCorpus();
    const embeddings = createEmbeddings(modelSettings(modelEnv(tempDir()))!)!;
    const retriever = await DenseRetriever.fromPassages(corpus.passages, {
      embeddings,
      model: 'text-embedding-3-small',
      cache: new EmbeddingCache(null),
    });
    const target = corpus.passages.find((p) => p.role === 'guest' && p.text.includes('我们将重点转向合成数据'))!;
    const hits = await retriever.rank(embeddingText(target), 3);
    expect(hits[0]?.passage.id).toBe(target.id);
    expect(hits[0]?.score).toBeCloseTo(1, 5);
    const docs = await retriever.invoke(embeddingText(target));
    expect(docs[0]?.metadata.passageId).toBe(target.id);
    // Headings and narration are never embedded.
    expect(hits.every((h) => h.passage.role === 'guest' || h.passage.role === 'host')).toBe(true);
  });
});

describe('embeddings cache across restarts', () => {
  it('embeds the corpus once; a second start sends no passage to the embeddings endpoint', async () => {
    const dataDir = tempDir();
    const corpus = repoCorpus();
    const passageTexts = new Set(corpus.passages.filter((p) => p.role === 'guest' || p.role === 'host').map(embeddingText));
    const embeddedPassages = () => fake.embeddedTexts().filter((t) => passageTexts.has(t)).length;

    const before = embeddedPassages();
    await createCore({ corpusDir: CORPUS_DIR, env: modelEnv(dataDir), dataDir });
    const first = embeddedPassages() - before;
    expect(first).toBe(passageTexts.size);
    expect(existsSync(join(dataDir, 'embeddings.jsonl'))).toBe(true);

    const core = await createCore({ corpusDir: CORPUS_DIR, env: modelEnv(dataDir), dataDir });
    expect(embeddedPassages() - before).toBe(first);

    // Asking embeds the question only, and the dense hits reach the model's passages.
    fake.onChat(modelScript(() => json({ answered: false })));
    const queriesBefore = fake.embeddedTexts().length;
    const answer = await core.ask('What did Gomez say about synthetic data?');
    expect(fake.embeddedTexts().slice(queriesBefore)).toEqual(['What did Gomez say about synthetic data?']);
    expect(answer.mode).toBe('extractive');
    const request = fake.chatRequests().filter((r) => kindOf(r) === 'answer').at(-1)!;
    expect(passagesOf(request).length).toBeGreaterThan(0);
  });

  it('keeps answering (lexically) when embedding the corpus fails at start', async () => {
    fake.failEmbeddings(500);
    try {
      const core = await createCore({ corpusDir: CORPUS_DIR, env: modelEnv(tempDir()), dataDir: tempDir() });
      fake.onChat(modelScript(() => json({ answered: false })));
      const answer = await core.ask('What did Gomez say about synthetic data?');
      expect(answer.answered).toBe(true);
      expect(answer.quotes.length).toBeGreaterThan(0);
    } finally {
      fake.failEmbeddings(null);
    }
  });
});
