import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedBotState } from '../../src/bot/shared-state.ts';
import { runCli } from '../adapters/cli/helpers.ts';
import { createTestState, type TestState } from '../store/test-store.ts';

describe('gomez feedback', () => {
  let bot: TestState;
  beforeAll(async () => {
    bot = await createTestState({ prefix: 'gomez-feedback-' });
    const store = await bot.open();
    const state = new SharedBotState(store, { ratePerMinute: 10 });
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 10, minute));
    await state.saveAnswer({ id: 'a1', surface: 'slack', kind: 'ask', question: 'What about robotics?', answer: 'Gomez says…', shown: 3, answered: true }, at(1));
    await state.saveAnswer({ id: 'a2', surface: 'discord', kind: 'ask', question: 'What about football?', answer: 'I could not find…', shown: 0, answered: false }, at(2));
    await state.saveAnswer({ id: 'a3', surface: 'cli', kind: 'ask', question: 'What about data quality?', answer: 'Gomez says…', shown: 3, answered: true }, at(3));
    await state.saveAnswer({ id: 'a4', surface: 'slack', kind: 'ask', question: 'What about cooking?', answer: 'I could not find…', shown: 0, answered: false }, at(4));
    await state.recordVote({ answerId: 'a1', userId: 'U1', surface: 'slack', vote: 1 }, at(5));
    await state.recordVote({ answerId: 'a1', userId: 'U2', surface: 'slack', vote: -1 }, at(6));
    await state.recordVote({ answerId: 'a3', userId: 'U1', surface: 'cli', vote: -1 }, at(7));
    await store.close();
  });
  afterAll(() => bot.dispose());

  it('--json reports votes per answer and the questions behind 👎 and refusals, newest first', async () => {
    const { code, stdout } = await runCli(['feedback', '--json'], bot.env);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.answers.map((a: { answerId: string; up: number; down: number }) => [a.answerId, a.up, a.down])).toEqual([
      ['a3', 0, 1],
      ['a1', 1, 1],
    ]);
    expect(report.disliked.map((q: { question: string }) => q.question)).toEqual(['What about data quality?', 'What about robotics?']);
    expect(report.refused.map((q: { question: string }) => q.question)).toEqual(['What about cooking?', 'What about football?']);
  });

  it('prints the same as text', async () => {
    const { code, stdout } = await runCli(['feedback'], bot.env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Refused questions[^\n]*\n\s+2025-01-01 10:04\s+\[slack\]\s+What about cooking\?/);
  });
});
