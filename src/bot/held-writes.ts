import type { ConversationTurn } from '../core.ts';
import type { AnswerWrites } from './shared-state.ts';
import type { BotState, StoredAnswer } from './state.ts';
import type { Surface } from './types.ts';

/**
 * A BotState for answering one leased delivery: reads go to the shared state, but the turns the
 * answer writes (and a copy of its record) are held back, so the delivery records them in the transaction that
 * marks it done (after the reply is posted). A replica that dies mid-answer thus leaves no half-written
 * turn, and the replica that takes over writes them once.
 */
export class HeldWrites implements BotState {
  private held: AnswerWrites = { turns: [] };

  constructor(private readonly shared: BotState) {}

  /** What the answer wrote, for the delivery's completion. */
  writes(): AnswerWrites {
    return this.held;
  }

  turns(conversation: string, userId: string, window: { limit: number; since: Date }): Promise<ConversationTurn[]> {
    return this.shared.turns(conversation, userId, window);
  }

  turnsBefore(answerId: string, limit: number): Promise<ConversationTurn[]> {
    return this.shared.turnsBefore(answerId, limit);
  }

  async addTurn(conversation: string, userId: string, turn: ConversationTurn & { answerId: string }): Promise<void> {
    this.held.turns.push({ conversation, userId, turn });
  }

  follows(conversation: string): Promise<boolean> {
    return this.shared.follows(conversation);
  }

  /**
   * The answer record is written at once as well (an upsert by id, so a takeover rewriting it is
   * harmless): buttons pressed the instant the reply appears find it. The turns, which would repeat,
   * wait for the completion.
   */
  async saveAnswer(record: StoredAnswer, now?: Date): Promise<void> {
    this.held.answer = { ...record };
    await this.shared.saveAnswer(record, now);
  }

  async answer(id: string): Promise<StoredAnswer | undefined> {
    return this.held.answer?.id === id ? { ...this.held.answer } : this.shared.answer(id);
  }

  async setShown(id: string, shown: number): Promise<void> {
    if (this.held.answer?.id === id) this.held.answer.shown = shown;
    await this.shared.setShown(id, shown);
  }

  recordVote(input: { answerId: string; userId: string; surface: Surface; vote: 1 | -1 }, now?: Date): Promise<void> {
    return this.shared.recordVote(input, now);
  }

  feedbackReport(limit: number) {
    return this.shared.feedbackReport(limit);
  }

  takeQuestionSlot(surface: Surface, userId: string, workspace?: string): Promise<number> {
    return this.shared.takeQuestionSlot(surface, userId, workspace);
  }
}
