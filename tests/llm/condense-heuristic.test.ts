import { describe, expect, it } from 'vitest';
import { condenseHeuristically, condenseQuestion } from '../../src/answer/condense.ts';

const history = [{ question: 'What did Gomez say about synthetic data?', answer: 'He says…' }];

describe('condenseHeuristically (no model)', () => {
  it('leaves a question with no history alone', () => {
    expect(condenseHeuristically('and why?', [])).toBe('and why?');
  });

  it.each(['and why?', 'Why?', 'how so?', 'tell me more', 'what did he mean by that?'])(
    'carries the previous topic into %s',
    (followUp) => {
      const out = condenseHeuristically(followUp, history, 'Aidan Gomez');
      expect(out).toContain('synthetic data');
      expect(out).toContain(followUp);
    },
  );

  it('asks about a new topic in the same frame', () => {
    expect(condenseHeuristically('what about robots?', history, 'Aidan Gomez')).toBe('What did Aidan Gomez say about robots?');
    expect(condenseHeuristically('and about hiring?', history, 'Aidan Gomez')).toBe('What did Aidan Gomez say about hiring?');
  });

  it('handles Chinese follow-ups', () => {
    const zh = [{ question: 'Gomez怎么看合成数据?' }];
    expect(condenseHeuristically('为什么?', zh)).toContain('合成数据');
    expect(condenseHeuristically('那机器人呢?', zh, 'Aidan Gomez')).toBe('Aidan Gomez怎么看机器人?');
  });

  it('keeps the topic through a chain of follow-ups', () => {
    const chain = [...history, { question: 'why?' }];
    expect(condenseHeuristically('tell me more', chain)).toContain('synthetic data');
  });

  it('leaves a standalone question alone even with history', () => {
    const q = 'What does Gomez think about the transformer paper and its authors?';
    expect(condenseHeuristically(q, history)).toBe(q);
  });

  it('condenseQuestion uses the heuristic when there is no model', async () => {
    expect(await condenseQuestion('and why?', history)).toContain('synthetic data');
  });
});
