import { describe, expect, it } from 'vitest';
import { wordnetSynonyms } from '../../src/search/wordnet.ts';

describe('wordnetSynonyms', () => {
  it('gives the words of a word’s commonest senses', () => {
    expect(wordnetSynonyms('survive')).toEqual(expect.arrayContaining(['endure', 'last']));
    expect(wordnetSynonyms('peril')).toContain('risk');
  });

  it('finds the base form of an inflected word, a doubled consonant included', () => {
    expect(wordnetSynonyms('surviving')).toContain('endure');
    expect(wordnetSynonyms('helpers')).toContain('assistant');
    expect(wordnetSynonyms('flip-flopped')).toEqual(expect.arrayContaining(['switch', 'reverse']));
  });

  it('reads the longest synsets whole ("city" lists hundreds of pointers: a 10 kB line)', () => {
    expect(wordnetSynonyms('city')).toContain('metropolis');
  });

  it('adds what the commonest sense is a kind of', () => {
    // house (a dwelling) is a kind of dwelling, home …
    expect(wordnetSynonyms('house')).toEqual(expect.arrayContaining(['dwelling', 'home']));
  });

  it('leaves out multi-word entries, the word itself, and words WordNet lacks', () => {
    const survive = wordnetSynonyms('survive');
    expect(survive.some((w) => w.includes('_') || w.includes(' '))).toBe(false);
    expect(survive).not.toContain('survive');
    expect(wordnetSynonyms('bitcoin')).toEqual([]);
    expect(wordnetSynonyms('')).toEqual([]);
    expect(wordnetSynonyms('gpt-4')).toEqual([]);
    expect(wordnetSynonyms('会议')).toEqual([]);
  });

  it('answers the same for any casing and from its cache', () => {
    expect(wordnetSynonyms('Survive')).toEqual(wordnetSynonyms('survive'));
    expect(wordnetSynonyms('survive')).toBe(wordnetSynonyms('survive'));
  });
});
