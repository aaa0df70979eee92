import type { ConversationTurn } from '../core.ts';
import type { Store } from './store.ts';

/**
 * The turns of conversations the bot took part in (a Slack thread, a DM), oldest first. A conversation
 * with at least one turn is one the bot has answered in, so later messages there are follow-ups.
 * Keys are opaque to the store, e.g. `slack:C123:1712345678.000100`.
 */
export class ConversationLog {
  constructor(private readonly store: Store) {}

  /** Appends one answered exchange; `answerId` links it to the stored answer (for "More quotes"). */
  add(conversation: string, turn: ConversationTurn & { answerId?: string }, now: Date = new Date()): void {
    this.store.db
      .prepare(
        `INSERT INTO conversation_turns (conversation, question, answer, answer_id, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(conversation, turn.question, turn.answer ?? '', turn.answerId ?? null, now.toISOString());
  }

  /** True once the bot has answered in this conversation. */
  has(conversation: string): boolean {
    return this.store.db.prepare('SELECT 1 FROM conversation_turns WHERE conversation = ? LIMIT 1').get(conversation) !== undefined;
  }

  /** The last `limit` turns, oldest first; with `since`, only turns from then on. */
  history(conversation: string, limit = 6, since?: Date): ConversationTurn[] {
    const rows = this.store.db
      .prepare(
        `SELECT question, answer FROM conversation_turns WHERE conversation = ? AND created_at >= ?
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(conversation, since ? since.toISOString() : '', limit) as { question: string; answer: string }[];
    return rows.reverse().map((r) => ({ question: r.question, answer: r.answer }));
  }

  /** The turns that came before the one that produced `answerId` (its context when paging quotes). */
  historyBefore(answerId: string, limit = 6): ConversationTurn[] {
    const turn = this.store.db
      .prepare('SELECT conversation, seq FROM conversation_turns WHERE answer_id = ?')
      .get(answerId) as { conversation: string; seq: number } | undefined;
    if (!turn) return [];
    const rows = this.store.db
      .prepare(
        `SELECT question, answer FROM conversation_turns WHERE conversation = ? AND seq < ?
         ORDER BY seq DESC LIMIT ?`,
      )
      .all(turn.conversation, turn.seq, limit) as { question: string; answer: string }[];
    return rows.reverse().map((r) => ({ question: r.question, answer: r.answer }));
  }
}
