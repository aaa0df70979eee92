import { fileURLToPath } from 'node:url';
import { BaseRetriever } from '@langchain/core/retrievers';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { PassageIndex, StaleIndexError } from '../../src/search/passage-index.ts';
import { PassageRetriever } from '../../src/search/retriever.ts';

const CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));

let corpus: Corpus;
let retriever: PassageRetriever;

beforeAll(() => {
  corpus = loadCorpus(CORPUS_DIR);
  retriever = PassageRetriever.fromCorpus(corpus, { k: 3 });
});

describe('PassageRetriever', () => {
  it('is a LangChain BaseRetriever whose invoke() returns scored passages with their metadata', async () => {
    expect(retriever).toBeInstanceOf(BaseRetriever);
    const docs = await retriever.invoke('curriculum learning');
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.length).toBeLessThanOrEqual(3);
    const top = docs[0]!;
    expect(top.pageContent).toContain('课程学习');
    expect(top.metadata.passageId).toMatch(/#\d+$/);
    expect(top.metadata.speaker).toBe('Aidan Gomez');
    expect(top.metadata.role).toBe('guest');
    expect(top.metadata.score).toBeGreaterThan(0);
    expect(top.metadata.translation).toMatch(/curriculum learning/i);
    expect(top.metadata.matchedSentences.length).toBeGreaterThan(0);
    const scores = docs.map((d) => d.metadata.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('finds Chinese passages from an English query through their translations', async () => {
    const docs = await retriever.invoke('synthetic data market');
    expect(docs.some((d) => d.pageContent.includes('合成数据'))).toBe(true);
  });

  it('finds the same passages from a Chinese query through the original text', async () => {
    const docs = await retriever.invoke('合成数据市场');
    expect(docs.some((d) => d.pageContent.includes('合成数据'))).toBe(true);
  });

  it('filters by role and by speaker', async () => {
    const guestOnly = retriever.withFilter({ roles: ['guest'] }, 10);
    const guestDocs = await guestOnly.invoke('孩子 children chatbot');
    expect(guestDocs.length).toBeGreaterThan(0);
    expect(guestDocs.every((d) => d.metadata.role === 'guest')).toBe(true);

    const host = retriever.withFilter({ speaker: 'harry stebbings' }, 10);
    const hostDocs = await host.invoke('children chatbot');
    expect(hostDocs.length).toBeGreaterThan(0);
    expect(hostDocs.every((d) => d.metadata.speaker === 'Harry Stebbings')).toBe(true);
  });

  it('finds the answer to a question through the question it follows', () => {
    // "About $1 billion." shares no word with the query; the host's question before it does.
    const hits = retriever.searchPassages('How much money has your company raised so far?', { roles: ['guest'] }, 12);
    expect(hits.some((h) => h.passage.text.startsWith('大约10亿美元'))).toBe(true);
  });

  it('returns nothing for a query with no searchable words', async () => {
    expect(await retriever.invoke('the of and')).toEqual([]);
  });

  it('serialises its index and loads it back with the same results', () => {
    const json = JSON.parse(JSON.stringify(retriever.index.toJSON()));
    const loaded = PassageRetriever.fromIndex(PassageIndex.fromJSON(json, corpus), { k: 3 });
    const ids = (r: PassageRetriever) => r.searchPassages('robotics breakthrough').map((h) => [h.passage.id, h.score.toFixed(6)]);
    expect(ids(loaded)).toEqual(ids(retriever));
  });

  it('refuses a saved index built for another corpus', () => {
    const json = { ...retriever.index.toJSON(), corpusHash: 'something else' };
    expect(() => PassageIndex.fromJSON(json, corpus)).toThrow(StaleIndexError);
    expect(() => PassageIndex.fromJSON({ format: 'nope' }, corpus)).toThrow(StaleIndexError);
  });
});
