import { describe, expect, it } from 'vitest';
import { createTestState } from './test-store.ts';

describe('conversation turns', () => {
  it('keeps the turns of each conversation in order, across a reopen of the store', async () => {
    const state = await createTestState({ prefix: 'gomez-conv-' });
    try {
      let store = await state.open();
      expect(await store.conversations.has('slack:C1:1.0')).toBe(false);
      await store.conversations.add('slack:C1:1.0', { question: 'What about data?', answer: 'Data matters.', answerId: 'a1' });
      await store.conversations.add('slack:C2:9.0', { question: 'Other thread', answer: 'x', answerId: 'b1' });
      await store.conversations.add('slack:C1:1.0', { question: 'and why?', answer: 'Because quality.', answerId: 'a2' });
      await store.close();

      store = await state.open();
      expect(await store.conversations.has('slack:C1:1.0')).toBe(true);
      expect(await store.conversations.history('slack:C1:1.0')).toEqual([
        { question: 'What about data?', answer: 'Data matters.' },
        { question: 'and why?', answer: 'Because quality.' },
      ]);
      expect(await store.conversations.history('slack:C1:1.0', 1)).toEqual([{ question: 'and why?', answer: 'Because quality.' }]);
      expect(await store.conversations.historyBefore('a2')).toEqual([{ question: 'What about data?', answer: 'Data matters.' }]);
      expect(await store.conversations.historyBefore('a1')).toEqual([]);
      expect(await store.conversations.historyBefore('unknown')).toEqual([]);
    } finally {
      await state.dispose();
    }
  });
});
