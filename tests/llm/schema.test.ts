import { describe, expect, it } from 'vitest';
import { parseModelAnswer } from '../../src/answer/llm/schema.ts';

describe('parseModelAnswer', () => {
  it('reads the structured answer', () => {
    const parsed = parseModelAnswer(
      JSON.stringify({ answered: true, sentences: [{ text: 'A.', passage_ids: ['P1'] }], quotes: [{ passage_id: 'P1', text: 'x' }] }),
    );
    expect(parsed).toEqual({ answered: true, sentences: [{ text: 'A.', passage_ids: ['P1'] }], quotes: [{ passage_id: 'P1', text: 'x' }] });
  });

  it('accepts a fenced reply and a single id given as a string', () => {
    const parsed = parseModelAnswer('```json\n{"sentences":[{"text":"A.","passage_ids":"P2"}],"quotes":[]}\n```');
    expect(parsed?.sentences[0]?.passage_ids).toEqual(['P2']);
    expect(parsed?.answered).toBe(true);
  });

  it.each(['not json at all', '{"sentences": [', '{"quotes": [{"text": 3}]}', '[]'])('rejects %s', (raw) => {
    expect(parseModelAnswer(raw)).toBeNull();
  });
});
