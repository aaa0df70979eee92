import { describe, expect, it } from 'vitest';
import { locateQuote, similarity } from '../../src/answer/llm/locate.ts';
import { passageWith } from './helpers.ts';

describe('locateQuote', () => {
  const passage = passageWith('我们将重点转向合成数据', 'guest');
  const [first, second, third] = passage.sentences;

  it('finds an exact copy and widens it to whole sentences', () => {
    const located = locateQuote(passage, '重点转向合成数据');
    expect(located?.match).toBe('exact');
    expect(located?.sentences.map((s) => s.text)).toEqual([third!.text]);
  });

  it('keeps a quote spanning sentences as all of them', () => {
    const located = locateQuote(passage, second!.text + third!.text);
    expect(located?.sentences).toHaveLength(2);
  });

  it('forgives width, spacing and quote-mark differences but returns the source text', () => {
    const sloppy = third!.text.replace(/,/g, ', ').replace(/。/g, '。 ');
    const located = locateQuote(passage, ` ${sloppy} `);
    expect(located?.match).toMatch(/exact|normalised/);
    expect(located?.sentences[0]?.text).toBe(third!.text);
  });

  it('replaces a quote given in English by the original sentence it translates', () => {
    const located = locateQuote(passage, first!.translation!);
    expect(located?.match).toBe('closest-sentence');
    expect(located?.sentences[0]?.text).toBe(first!.text);
  });

  it('rejects an invented quote', () => {
    expect(locateQuote(passage, '机器人将在明年取代所有的软件工程师。')).toBeNull();
    expect(locateQuote(passage, '')).toBeNull();
  });

  it('scores identical texts 1 and unrelated ones near 0', () => {
    expect(similarity('合成数据', '合成数据')).toBe(1);
    expect(similarity('合成数据很重要', 'robots replace engineers')).toBeLessThan(0.1);
  });
});
