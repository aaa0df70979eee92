import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/sentences.ts';

const texts = (text: string, start?: number, end?: number) =>
  splitSentences(text, start, end).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('ends Chinese sentences at 。!?', () => {
    expect(texts('我确实喜欢游戏。你呢?真的!好')).toEqual(['我确实喜欢游戏。', '你呢?', '真的!', '好']);
  });

  it('ends sentences at half-width ! and ? too (the seed mixes them with 。)', () => {
    expect(texts('为什么推理这么难?为什么我们现在还没有推理的概念?')).toEqual([
      '为什么推理这么难?',
      '为什么我们现在还没有推理的概念?',
    ]);
    expect(texts('只卖模型真的不赚钱!然后呢')).toEqual(['只卖模型真的不赚钱!', '然后呢']);
  });

  it('ends English sentences at ". " and at a final period', () => {
    expect(texts('Data matters. Scale is not all you need! Right? Yes.')).toEqual([
      'Data matters.',
      'Scale is not all you need!',
      'Right?',
      'Yes.',
    ]);
  });

  it('does not split a decimal point such as 1.7万亿 or GPT-3.5', () => {
    expect(texts('它有1.7万亿参数,它是一个巨大的MoE。GPT-3.5 is older.')).toEqual([
      '它有1.7万亿参数,它是一个巨大的MoE。',
      'GPT-3.5 is older.',
    ]);
    expect(texts('估值略高于5.5亿美元,这会给你带来压力吗?')).toHaveLength(1);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(texts('他们说:“给你几百万美元,试试吧。”所以我觉得那轮融资相当轻松。')).toEqual([
      '他们说:“给你几百万美元,试试吧。”',
      '所以我觉得那轮融资相当轻松。',
    ]);
    expect(texts('他说“好吧!”然后走了。')).toEqual(['他说“好吧!”', '然后走了。']);
    expect(texts('(此前推出了Command R系列开源大模型。)之后')).toEqual(['(此前推出了Command R系列开源大模型。)', '之后']);
  });

  it('keeps runs of end marks together', () => {
    expect(texts('真的吗?!不会吧……好吧。')).toEqual(['真的吗?!', '不会吧……', '好吧。']);
  });

  it('keeps a final unpunctuated clause as its own sentence', () => {
    expect(texts('今天和你聊天真的很有意思。我想进行一个快问快答')).toEqual([
      '今天和你聊天真的很有意思。',
      '我想进行一个快问快答',
    ]);
  });

  it('trims white space and returns offsets into the whole text for a sub-range', () => {
    const text = 'Q: 第一句。 第二句!\nnext line';
    const start = text.indexOf('第');
    const end = text.indexOf('\n');
    const spans = splitSentences(text, start, end);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['第一句。', '第二句!']);
    expect(spans[0]!.start).toBe(start);
    expect(spans[1]!.end).toBe(end);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
  });
});
