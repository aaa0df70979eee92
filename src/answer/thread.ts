import type { AskOptions, ConversationTurn, GomezCore } from '../core.ts';
import type { Answer } from './types.ts';

/**
 * Answers the last question of a thread as the bot would have: the earlier questions are asked first,
 * in order, each with the turns before it, so a follow-up sees the same history a chat would give it.
 */
export async function askInThread(core: GomezCore, earlier: readonly string[], question: string, options: AskOptions = {}): Promise<Answer> {
  const turns: ConversationTurn[] = [];
  for (const q of earlier) {
    const answer = await core.ask(q, { history: [...turns], ...(options.signal ? { signal: options.signal } : {}) });
    turns.push({ question: q, answer: answer.answer });
  }
  return core.ask(question, { ...options, history: turns });
}
