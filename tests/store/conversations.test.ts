import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversationLog } from '../../src/store/conversations.ts';
import { Store } from '../../src/store/store.ts';

describe('ConversationLog', () => {
  it('keeps the turns of each conversation in order, across a reopen of the store file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gomez-conv-'));
    try {
      let store = Store.open(dir);
      let log = new ConversationLog(store);
      expect(log.has('slack:C1:1.0')).toBe(false);
      log.add('slack:C1:1.0', { question: 'What about data?', answer: 'Data matters.', answerId: 'a1' });
      log.add('slack:C2:9.0', { question: 'Other thread', answer: 'x', answerId: 'b1' });
      log.add('slack:C1:1.0', { question: 'and why?', answer: 'Because quality.', answerId: 'a2' });
      store.close();

      store = Store.open(dir);
      log = new ConversationLog(store);
      expect(log.has('slack:C1:1.0')).toBe(true);
      expect(log.history('slack:C1:1.0')).toEqual([
        { question: 'What about data?', answer: 'Data matters.' },
        { question: 'and why?', answer: 'Because quality.' },
      ]);
      expect(log.history('slack:C1:1.0', 1)).toEqual([{ question: 'and why?', answer: 'Because quality.' }]);
      expect(log.historyBefore('a2')).toEqual([{ question: 'What about data?', answer: 'Data matters.' }]);
      expect(log.historyBefore('a1')).toEqual([]);
      expect(log.historyBefore('unknown')).toEqual([]);
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
