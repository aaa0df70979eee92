import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { createCore } from '../../src/create-core.ts';
import { PassageIndex } from '../../src/search/passage-index.ts';
import { tokenizeForIndex } from '../../src/search/tokenize.ts';
import { QA_META, removeFixtures, writeCorpus } from '../corpus/fixtures.ts';
import { extractiveCore } from './helpers.ts';

afterEach(removeFixtures);

const TRANSCRIPT = 'Q:你怎么看扩大规模?\nAidan Gomez:这是最可靠的方式,但也是最笨的。我喜欢跑步。\nQ:你周末做什么?\nAidan Gomez:我常常去海边散步。\n';
const STUPID = '这是最可靠的方式,但也是最笨的。';
const TERMS = 'brute force, naive approach, throwing money at it';

const TERMS_ZH = '堆算力, 砸钱, 笨办法';

/**
 * A two-turn fixture interview; `withTerms` adds English search terms to the "dumbest" sentence only,
 * `withChineseTerms` its Chinese ones.
 */
function fixture(withTerms: boolean, withChineseTerms = false): string {
  const rows = [
    { line: 1, text: '你怎么看扩大规模?', en: 'What do you think about scaling up?' },
    {
      line: 2,
      text: STUPID,
      en: "It's the most reliable way, but also the dumbest.",
      ...(withTerms ? { terms: TERMS } : {}),
      ...(withChineseTerms ? { terms_zh: TERMS_ZH } : {}),
    },
    { line: 2, text: '我喜欢跑步。', en: 'I like running.' },
    { line: 3, text: '你周末做什么?', en: 'What do you do at weekends?' },
    { line: 4, text: '我常常去海边散步。', en: 'I often walk by the sea.' },
  ];
  return writeCorpus({ 'a.txt': TRANSCRIPT, 'a.meta.json': QA_META, 'a.en.jsonl': rows.map((r) => JSON.stringify(r)).join('\n') });
}

const QUESTION = 'Is brute force a sensible strategy?';

describe('search terms', () => {
  it('let the index find a passage by a paraphrase only its terms hold', () => {
    const search = (dir: string) =>
      PassageIndex.build(loadCorpus(dir)).search(tokenizeForIndex('brute force').map((term) => ({ term, weight: 1 })), { roles: ['guest'] });
    expect(search(fixture(false))).toEqual([]);
    const hits = search(fixture(true));
    expect(hits.map((h) => h.passage.text)).toEqual(['这是最可靠的方式,但也是最笨的。我喜欢跑步。']);
  });

  it('answer a paraphrase through the terms with the sentence they describe, never quoting the terms', async () => {
    const without = await createCore({ corpusDir: fixture(false), env: readEnv({}) });
    expect((await without.ask(QUESTION)).answered).toBe(false);

    const core = await createCore({ corpusDir: fixture(true), env: readEnv({}) });
    const answer = await core.ask(QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.quotes[0]!.text).toContain(STUPID);
    for (const q of answer.quotes) {
      expect(q.text).not.toMatch(/brute|naive/i);
      expect(q.translation ?? '').not.toMatch(/brute|naive/i);
    }
  });

  it('still refuse what neither the words nor the terms cover', async () => {
    const core = await createCore({ corpusDir: fixture(true), env: readEnv({}) });
    expect((await core.ask('What did Gomez say about Bitcoin?')).answered).toBe(false);
  });

  it('reach the seed sentence on naive scaling from a question sharing no word with its translation', async () => {
    const core = await extractiveCore();
    const answer = await core.ask('Is throwing money at bigger models a naive approach?');
    expect(answer.answered).toBe(true);
    expect(answer.quotes.slice(0, 3).map((q) => q.text)).toContain('这是提高模型性能最可靠的方式,但也是最笨的。');
  });

  it('do not make topics near the seed sentences look covered (names and claims he never makes)', async () => {
    const core = await extractiveCore();
    const nearMisses = [
      'What did Gomez say about Twitter?',
      'What did Gomez say about Google?',
      'What did Gomez say about Microsoft?',
      'What does Gomez think about UK politics?',
      "Does Gomez think there's an AI bubble?",
      'What did Gomez say about the seed round valuation?',
      'What did Gomez say about Nvidia GPUs?',
      'What did Gomez say about mental health apps?',
    ];
    for (const question of nearMisses) expect((await core.ask(question)).answered, question).toBe(false);
  });
});

/** A Chinese paraphrase sharing no word with the sentence, its translation or its English terms. */
const CHINESE_QUESTION = '堆算力是不是笨办法?';

describe('Chinese search terms (terms_zh)', () => {
  it('let the index find a passage by a Chinese paraphrase only they hold', () => {
    const search = (dir: string) =>
      PassageIndex.build(loadCorpus(dir)).search(tokenizeForIndex('堆算力').map((term) => ({ term, weight: 1 })), { roles: ['guest'] });
    expect(search(fixture(true))).toEqual([]);
    expect(search(fixture(true, true)).map((h) => h.passage.text)).toEqual(['这是最可靠的方式,但也是最笨的。我喜欢跑步。']);
  });

  it('answer a Chinese paraphrase with the sentence they describe, never quoting them', async () => {
    const englishOnly = await createCore({ corpusDir: fixture(true), env: readEnv({}) });
    expect((await englishOnly.ask(CHINESE_QUESTION)).answered).toBe(false);

    const core = await createCore({ corpusDir: fixture(true, true), env: readEnv({}) });
    const answer = await core.ask(CHINESE_QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.quotes[0]!.text).toContain(STUPID);
    for (const q of answer.quotes) {
      expect(q.text).not.toMatch(/堆算力|砸钱|笨办法/);
      expect(q.translation ?? '').not.toMatch(/堆算力|砸钱|笨办法/);
    }
    expect(answer.answer).not.toMatch(/堆算力|砸钱|笨办法/);
  });

  it('still refuse a Chinese question neither the words nor the terms cover', async () => {
    const core = await createCore({ corpusDir: fixture(true, true), env: readEnv({}) });
    expect((await core.ask('Gomez对比特币怎么看?')).answered).toBe(false);
  });

  it('reach the seed sentence on naive scaling from a colloquial Chinese paraphrase', async () => {
    const core = await extractiveCore();
    const answer = await core.ask(CHINESE_QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.quotes.slice(0, 3).map((q) => q.text)).toContain('这是提高模型性能最可靠的方式,但也是最笨的。');
  });

  it('do not make Chinese near misses of the seed look covered', async () => {
    const core = await extractiveCore();
    const nearMisses = [
      'Gomez对推特怎么看?',
      'Gomez对英伟达显卡怎么看?',
      'Gomez怎么看AI泡沫?',
      'Gomez对心理健康应用怎么看?',
      'Gomez怎么看种子轮估值?',
      'Cohere现在有多少员工?',
    ];
    for (const question of nearMisses) expect((await core.ask(question)).answered, question).toBe(false);
  });
});
