import { describe, expect, it } from 'vitest';
import { englishTerm, englishVariants } from '../../src/search/english.ts';
import { tokenizeForIndex, tokenizeQuery } from '../../src/search/tokenize.ts';

describe('tokenisation', () => {
  it('lower-cases, drops stop words and stems English', () => {
    expect(tokenizeQuery('The Models are learning quickly')).toEqual(['model', 'learn', 'quickli']);
  });

  it('reads "vs" and "versus" as joining two topics, not as a topic of their own', () => {
    expect(tokenizeQuery('open source vs closed models')).toEqual(tokenizeQuery('open source closed models'));
    expect(tokenizeQuery('robots versus humans')).toEqual(['robot', 'human']);
  });

  it('drops contractions typed without an apostrophe and chat fillers, which name no topic', () => {
    expect(tokenizeQuery('why cant robots work, kinda curious tbh')).toEqual(tokenizeQuery("why can't robots work, curious"));
  });

  it('keeps model names, versions and symbols searchable as single terms', () => {
    const terms = tokenizeQuery('GPT-4 has 1.7 trillion parameters; Q* and C++ too');
    expect(terms).toContain('gpt-4');
    expect(terms).toContain('gpt');
    expect(terms).toContain('1.7');
    expect(terms).toContain('q*');
    expect(terms).toContain('c++');
  });

  it('segments Chinese with jieba and drops Chinese function words', () => {
    const terms = tokenizeQuery('课程学习在机器学习中实际上是失败的');
    expect(terms).toEqual(expect.arrayContaining(['课程', '学习', '机器', '失败']));
    expect(terms).not.toContain('的');
    expect(terms).not.toContain('是');
  });

  it('reads mixed text: ASCII runs as English, Han runs via jieba', () => {
    expect(tokenizeQuery('有很多关于Q*的传闻')).toEqual(['q*', '传闻']);
    expect(tokenizeQuery('与Scale AI建立了合作关系')).toEqual(['scale', 'ai', '建立', '合作', '关系']);
  });

  it('indexes compounds with their parts, so either form of a query matches', () => {
    expect(tokenizeForIndex('商业模式')).toEqual(expect.arrayContaining(['商业', '模式', '商业模式']));
    expect(tokenizeQuery('商业模式')).toEqual(['商业模式']);
  });

  it('reads full-width letters as ASCII', () => {
    expect(tokenizeQuery('ＧＰＴ-4')).toEqual(['gpt-4', 'gpt']);
  });

  it('brings irregular forms and possessives together with their base word', () => {
    expect(englishTerm('children')).toBe(englishTerm('child'));
    expect(englishTerm("cohere's")).toBe(englishTerm('cohere'));
    expect(englishTerm("don't")).toBeNull();
    expect(englishVariants('newer')).toContain(englishTerm('new'));
    expect(englishVariants('bigger')).toContain(englishTerm('big'));
  });

  it('reads number words as the digits people type instead ("five years" / "5 yrs")', () => {
    expect(tokenizeQuery('in five years or ten')).toEqual(tokenizeQuery('in 5 years or 10'));
    expect(tokenizeForIndex('twenty people')).toEqual(tokenizeForIndex('20 people'));
    // "one" stays a stop word ("one of them" names nothing).
    expect(tokenizeQuery('one of them')).toEqual([]);
  });

  it('reads words that name Object.prototype members as words ("constructor", "toString")', () => {
    expect(tokenizeForIndex('the constructor calls toString and valueOf')).toEqual(['constructor', 'call', 'tostr', 'valueof']);
    expect(englishTerm('hasownproperty')).toBe('hasownproperti');
  });

  it('returns nothing for text with no words', () => {
    expect(tokenizeQuery('?!。,')).toEqual([]);
    expect(tokenizeQuery('')).toEqual([]);
  });
});
