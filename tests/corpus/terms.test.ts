import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Source } from '../../src/corpus/types.ts';
import { corpusErrorFrom, QA_META, REPO_CORPUS, removeFixtures, SEED, writeCorpus } from './fixtures.ts';

afterEach(removeFixtures);

const transcript = 'Q:你好吗?\n数据质量不能忽视\nAidan Gomez:很好。谢谢!\n';
const rows = (extra: Record<number, Record<string, unknown>> = {}) =>
  [
    { line: 1, text: '你好吗?', en: 'How are you?' },
    { line: 3, text: '很好。', en: 'Fine.' },
    { line: 3, text: '谢谢!', en: 'Thanks!' },
  ]
    .map((r, i) => JSON.stringify({ ...r, ...extra[i] }))
    .join('\n');

describe('search terms on translation lines', () => {
  it('attaches terms to the guest sentence they are written for, and leaves the others without', () => {
    const dir = writeCorpus({ 'a.txt': transcript, 'a.meta.json': QA_META, 'a.en.jsonl': rows({ 1: { terms: 'doing well, good mood' } }) });
    const [host, , guest] = loadCorpus(dir).passages;
    expect(guest!.sentences.map((s) => s.terms)).toEqual(['doing well, good mood', undefined]);
    expect(host!.sentences[0]!.terms).toBeUndefined();
  });

  it('are optional: a file without any loads as before', () => {
    const dir = writeCorpus({ 'a.txt': transcript, 'a.meta.json': QA_META, 'a.en.jsonl': rows() });
    for (const p of loadCorpus(dir).passages) for (const s of p.sentences) expect(s.terms).toBeUndefined();
  });

  it('rejects terms on a host sentence, naming the translation line', () => {
    const dir = writeCorpus({ 'a.txt': transcript, 'a.meta.json': QA_META, 'a.en.jsonl': rows({ 0: { terms: 'greeting' } }) });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.message).toContain('a.en.jsonl:1');
    expect(err.message).toMatch(/guest/);
  });

  it('rejects empty, over-long or non-string terms', () => {
    for (const terms of ['  ', 'x'.repeat(201), 42]) {
      const dir = writeCorpus({ 'a.txt': transcript, 'a.meta.json': QA_META, 'a.en.jsonl': rows({ 2: { terms } }) });
      const err = corpusErrorFrom(() => loadCorpus(dir));
      expect(err.message).toContain('a.en.jsonl:3');
      expect(err.message).toContain('terms');
      removeFixtures();
    }
  });
});

describe('Chinese search terms (terms_zh) on translation lines', () => {
  it('attach to the guest sentence as termsZh, beside the English terms', () => {
    const extra = { 1: { terms: 'doing well', terms_zh: '状态不错, 心情好' }, 2: { terms_zh: '感谢, 多谢' } };
    const dir = writeCorpus({ 'a.txt': transcript, 'a.meta.json': QA_META, 'a.en.jsonl': rows(extra) });
    const [host, , guest] = loadCorpus(dir).passages;
    expect(guest!.sentences.map((s) => s.termsZh)).toEqual(['状态不错, 心情好', '感谢, 多谢']);
    expect(guest!.sentences.map((s) => s.terms)).toEqual(['doing well', undefined]);
    expect(host!.sentences[0]!.termsZh).toBeUndefined();
  });

  it('are rejected on a host sentence and on a heading, naming the translation line', () => {
    const hosted = writeCorpus({ 'a.txt': transcript, 'a.meta.json': QA_META, 'a.en.jsonl': rows({ 0: { terms_zh: '问候' } }) });
    const err = corpusErrorFrom(() => loadCorpus(hosted));
    expect(err.message).toContain('a.en.jsonl:1');
    expect(err.message).toMatch(/guest/);
    removeFixtures();
    const headed = [{ line: 2, text: '数据质量不能忽视', en: 'Data quality cannot be ignored', terms_zh: '数据' }];
    const dir = writeCorpus({ 'a.txt': transcript, 'a.meta.json': QA_META, 'a.en.jsonl': `${rows()}\n${JSON.stringify(headed[0])}` });
    const headingErr = corpusErrorFrom(() => loadCorpus(dir));
    expect(headingErr.message).toContain('a.en.jsonl:4');
    expect(headingErr.message).toMatch(/heading/);
  });

  it('reject empty, over-long or non-string values', () => {
    for (const terms_zh of [' ', '字'.repeat(201), ['数据']]) {
      const dir = writeCorpus({ 'a.txt': transcript, 'a.meta.json': QA_META, 'a.en.jsonl': rows({ 2: { terms_zh } }) });
      const err = corpusErrorFrom(() => loadCorpus(dir));
      expect(err.message).toContain('a.en.jsonl:3');
      expect(err.message).toContain('terms_zh');
      removeFixtures();
    }
  });
});

describe('the seed search terms', () => {
  let source: Source;
  beforeAll(() => {
    source = loadCorpus(REPO_CORPUS).sources[0]!;
  });

  it('gives every guest sentence with content words its terms, and no host or heading sentence any', () => {
    const guest = source.passages.filter((p) => p.role === 'guest').flatMap((p) => p.sentences);
    const withTerms = guest.filter((s) => s.terms !== undefined);
    // Only bare replies ("是的。", "没错。", "你可能错了。") go without.
    expect(guest.filter((s) => s.terms === undefined).map((s) => s.text)).toEqual(['对,确实需要。', '是的。', '没错。', '你可能错了。']);
    expect(withTerms.length).toBe(guest.length - 4);
    for (const p of source.passages.filter((x) => x.role !== 'guest')) for (const s of p.sentences) expect(s.terms, s.text).toBeUndefined();
    for (const s of withTerms) expect(s.terms!.length, s.text).toBeLessThanOrEqual(200);
  });

  it('gives every guest sentence with English terms its Chinese terms too, and no other sentence any', () => {
    const all = source.passages.flatMap((p) => p.sentences.map((s) => ({ role: p.role, s })));
    for (const { role, s } of all) {
      if (role === 'guest' && s.terms !== undefined) {
        expect(s.termsZh, s.text).toMatch(/\p{Script=Han}/u);
        expect(s.termsZh!.length, s.text).toBeLessThanOrEqual(200);
      } else {
        expect(s.termsZh, s.text).toBeUndefined();
      }
    }
  });

  it('leaves the text and translation of every line unchanged (terms sit beside them)', () => {
    const raw = readFileSync(join(REPO_CORPUS, `${SEED}.en.jsonl`), 'utf8');
    const first = raw.split('\n').find((l) => l.includes('"line": 21') && l.includes('最笨'))!;
    expect(JSON.parse(first)).toMatchObject({
      text: '这是提高模型性能最可靠的方式,但也是最笨的。',
      en: "It's the most reliable way to improve model performance, but it's also the dumbest.",
    });
    expect(JSON.parse(first).terms).toMatch(/brute force/);
    expect(JSON.parse(first).terms_zh).toMatch(/堆算力/);
  });
});
