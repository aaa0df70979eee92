import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { attachTranslations } from '../../src/corpus/translations.ts';
import type { Passage, Source } from '../../src/corpus/types.ts';
import { corpusErrorFrom, jsonl, QA_META, REPO_CORPUS, removeFixtures, SEED, writeCorpus } from './fixtures.ts';

let source: Source;
beforeAll(() => {
  source = loadCorpus(REPO_CORPUS).sources[0]!;
});
afterEach(removeFixtures);

const HAN = /\p{Script=Han}/u;
const spoken = () => source.passages.filter((p) => p.role === 'host' || p.role === 'guest');
const sentenceOn = (line: number, contains: string) => {
  const s = source.passages.find((p) => p.line === line)?.sentences.find((x) => x.text.includes(contains));
  if (!s) throw new Error(`no sentence with "${contains}" on line ${line}`);
  return s;
};

describe('the seed translation', () => {
  it('gives every host and guest sentence an English rendering', () => {
    const sentences = spoken().flatMap((p) => p.sentences);
    expect(sentences).toHaveLength(248);
    for (const s of sentences) {
      expect(s.translation, s.text).toBeTruthy();
      expect(HAN.test(s.translation!), s.translation).toBe(false);
    }
  });

  it("translates each editors' heading, and no narration", () => {
    for (const p of source.passages.filter((x) => x.role === 'heading')) {
      expect(p.sentences[0]!.translation, p.text).toMatch(/^[A-Z]/);
    }
    expect(source.passages.find((p) => p.line === 54)!.sentences[0]!.translation).toMatch(/OpenAI/);
    for (const p of source.passages.filter((x) => x.role === 'narration')) {
      for (const s of p.sentences) expect(s.translation).toBeUndefined();
    }
  });

  it('keeps the file in source order, with the exact source sentence on each line', () => {
    const rows = readFileSync(join(REPO_CORPUS, `${SEED}.en.jsonl`), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; text: string; en: string; terms?: string });
    expect(rows).toHaveLength(248 + 6);
    const expected = source.passages
      .filter((p) => p.role !== 'narration')
      .flatMap((p) => p.sentences.map((s) => ({ line: p.line, text: s.text })));
    expect(rows.map(({ line, text }) => ({ line, text }))).toEqual(expected);
    // `terms` and `terms_zh` (search terms, see tests/corpus/terms.test.ts) are the only optional keys.
    const optional = new Set(['terms', 'terms_zh']);
    for (const r of rows) expect(Object.keys(r).filter((k) => !optional.has(k)).sort()).toEqual(['en', 'line', 'text']);
  });

  it('uses the English terms a reader would search for', () => {
    expect(sentenceOn(17, '课程学习').translation).toMatch(/curriculum learning/);
    expect(sentenceOn(57, '合成数据').translation).toMatch(/synthetic data/);
    expect(sentenceOn(42, '强化学习').translation).toMatch(/reinforcement learning/);
    expect(sentenceOn(42, 'Q*').translation).toMatch(/Q\*/);
    expect(sentenceOn(63, '微调').translation).toMatch(/fine-tune/);
    expect(sentenceOn(64, '提炼').translation).toMatch(/distill/);
    expect(sentenceOn(89, '整合').translation).toMatch(/consolidation/);
    expect(sentenceOn(112, '客户支持').translation).toMatch(/customer support/);
    expect(sentenceOn(118, '机器人').translation).toMatch(/robotics/);
    expect(sentenceOn(122, '人形机器人').translation).toMatch(/humanoid robots/);
    expect(sentenceOn(128, '数据质量').translation).toMatch(/[Dd]ata quality/);
    expect(sentenceOn(66, '竞相归零').translation).toMatch(/race to the bottom/);
    expect(sentenceOn(142, 'Jeff').translation).toMatch(/Hinton/);
    expect(sentenceOn(148, 'NHS').translation).toMatch(/NHS/);
    expect(sentenceOn(94, 'Radical Ventures').translation).toMatch(/Jordan Jacobs of Radical Ventures/);
  });

  it('keeps the host words as the host said them (first and second person)', () => {
    expect(sentenceOn(102, '孩子').translation).toMatch(/^I don't want my kids/);
    expect(sentenceOn(103, '你的孩子').translation).toMatch(/your kids/);
  });
});

describe('attaching translations', () => {
  const transcript = 'Q:你好吗?\n数据质量不能忽视\nAidan Gomez:很好。谢谢!\n';
  const required = [
    { line: 1, text: '你好吗?', en: 'How are you?' },
    { line: 3, text: '很好。', en: 'Fine.' },
    { line: 3, text: '谢谢!', en: 'Thanks!' },
  ];

  it('attaches translations to fixture sentences and leaves headings optional', () => {
    const dir = writeCorpus({ 'a.txt': transcript, 'a.meta.json': QA_META, 'a.en.jsonl': jsonl(required) });
    const passages = loadCorpus(dir).passages;
    expect(passages.map((p) => p.role)).toEqual(['host', 'heading', 'guest']);
    expect(passages[2]!.sentences.map((s) => s.translation)).toEqual(['Fine.', 'Thanks!']);
    expect(passages[1]!.sentences[0]!.translation).toBeUndefined();
  });

  it('attaches a heading translation when one is given', () => {
    const rows = [...required, { line: 2, text: '数据质量不能忽视', en: "Data quality can't be ignored" }];
    const dir = writeCorpus({ 'a.txt': transcript, 'a.meta.json': QA_META, 'a.en.jsonl': jsonl(rows) });
    expect(loadCorpus(dir).passages[1]!.sentences[0]!.translation).toBe("Data quality can't be ignored");
  });

  it('accepts a BOM and CRLF line ends in the translation file', () => {
    const file = '\uFEFF' + jsonl(required).replace(/\n/g, '\r\n');
    const dir = writeCorpus({ 'a.txt': transcript, 'a.meta.json': QA_META, 'a.en.jsonl': file });
    expect(loadCorpus(dir).passages[0]!.sentences[0]!.translation).toBe('How are you?');
  });

  it('rejects a translation of a narration line, naming the translation line', () => {
    const meta = { ...QA_META, narrationLines: ['1'] };
    const text = '引言。\n' + transcript;
    const rows = [{ line: 1, text: '引言。', en: 'Intro.' }, ...required.map((r) => ({ ...r, line: r.line + 1 }))];
    const dir = writeCorpus({ 'a.txt': text, 'a.meta.json': meta, 'a.en.jsonl': jsonl(rows) });
    const err = corpusErrorFrom(() => loadCorpus(dir));
    expect(err.message).toContain('a.en.jsonl:1');
  });

  it('works directly on passages (what the loader calls)', () => {
    const passage: Passage = {
      id: 's#0', sourceId: 's', index: 0, role: 'guest', speaker: 'Aidan Gomez', turn: 1, line: 4,
      start: 0, end: 3, text: '好的。', sentences: [{ start: 0, end: 3, text: '好的。' }],
    };
    attachTranslations([passage], jsonl([{ line: 4, text: '好的。', en: 'OK.' }]), 'x.en.jsonl');
    expect(passage.sentences[0]!.translation).toBe('OK.');
    // The same text on another line is a different sentence.
    const other = { ...passage, sentences: [{ start: 0, end: 3, text: '好的。' }] };
    const err = corpusErrorFrom(() => attachTranslations([other], jsonl([{ line: 5, text: '好的。', en: 'OK.' }]), 'x.en.jsonl'));
    expect(err.message).toContain('x.en.jsonl');
  });
});
