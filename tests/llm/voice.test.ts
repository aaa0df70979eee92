import { describe, expect, it } from 'vitest';
import { speaksInFirstPerson } from '../../src/answer/llm/voice.ts';

describe('speaksInFirstPerson', () => {
  it.each([
    'I think synthetic data is the future.',
    'In my view, scale is not everything.',
    'We focused on enterprise customers.',
    '我认为合成数据非常重要。',
    '我们把重点转向了合成数据。',
  ])('flags %s', (sentence) => {
    expect(speaksInFirstPerson(sentence)).toBe(true);
  });

  it.each([
    'Gomez says synthetic data lets models learn without human labelling.',
    'He calls it “the thing I care about most”.',
    'Gomez认为合成数据非常重要。',
    '他说:“我完全理解这种立场。”',
    'He warns that selling models alone cannot compete with OpenAI in the US.',
    '他谈到了自我改进的模型。',
  ])('accepts %s', (sentence) => {
    expect(speaksInFirstPerson(sentence)).toBe(false);
  });
});
