import { describe, expect, it } from 'vitest';
import { personFilter, PersonResolver } from '../../src/answer/person.ts';
import { cleanQuestion, questionLanguage } from '../../src/answer/input.ts';
import type { Corpus, Passage } from '../../src/corpus/types.ts';
import { InputError } from '../../src/errors.ts';

function corpusWith(speakers: string[]): Corpus {
  const passages = speakers.map((speaker, index) => ({ id: `s#${index}`, sourceId: 's', index, role: 'guest', speaker }) as Passage);
  return { dir: '.', sources: [], passages, hash: 'h' };
}

const GOMEZ = { name: 'Aidan Gomez', speaker: null };

describe('PersonResolver', () => {
  const resolver = new PersonResolver(corpusWith(['Aidan Gomez', 'Harry Stebbings', 'David Heinemeier Hansson', '李开复']), GOMEZ);

  it('keeps the default person when the question names them or nobody', () => {
    expect(resolver.resolve('What did Gomez say about data?')).toBe(GOMEZ);
    expect(resolver.resolve("What is Aidan Gomez's view?")).toBe(GOMEZ);
    expect(resolver.resolve('What did he say about data?')).toBe(GOMEZ);
  });

  it('finds another speaker by full name or surname, case-insensitively, as whole words', () => {
    expect(resolver.resolve('what did harry stebbings ask?')).toEqual({ name: 'Harry Stebbings', speaker: 'Harry Stebbings' });
    expect(resolver.resolve("Stebbings's question?").speaker).toBe('Harry Stebbings');
    expect(resolver.resolve('What does David Heinemeier Hansson think?').speaker).toBe('David Heinemeier Hansson');
    expect(resolver.resolve('Hansson on Rails').speaker).toBe('David Heinemeier Hansson');
    expect(resolver.resolve('What did Harryson say?')).toBe(GOMEZ);
    expect(resolver.resolve('李开复怎么看?').speaker).toBe('李开复');
  });

  it('limits the default person to guest passages and a named one to their own', () => {
    expect(personFilter(GOMEZ)).toEqual({ roles: ['guest'] });
    expect(personFilter({ name: 'Harry Stebbings', speaker: 'Harry Stebbings' })).toEqual({
      speaker: 'Harry Stebbings',
      roles: ['guest', 'host', 'other'],
    });
  });
});

describe('question input', () => {
  it('detects the language from Chinese characters', () => {
    expect(questionLanguage('Gomez怎么看数据质量?')).toBe('zh');
    expect(questionLanguage('What about data?')).toBe('en');
  });

  it('collapses white space, strips control and bidi characters, and refuses empty or overlong input', () => {
    expect(cleanQuestion('  a\u0000b \u202Ec\n\nd  ')).toBe('ab c d');
    expect(() => cleanQuestion('\u0007')).toThrow(InputError);
    expect(() => cleanQuestion('x'.repeat(1001))).toThrow(/1,001 characters long/);
    expect(cleanQuestion('x'.repeat(1000))).toHaveLength(1000);
  });
});
