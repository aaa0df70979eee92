import { z } from 'zod';
import type { ConversationTurn } from '../../core.ts';
import type { ChannelQuestion } from '../channel-questions.ts';
import type { ConversationStore, TurnInput } from '../state.ts';
import type { SqlExecutor } from './driver.ts';
import { count, instant, parseFirst, parseRows } from './rows.ts';

const TurnRow = z.object({ question: z.string(), answer: z.string() });
const PositionRow = z.object({ conversation: z.string(), seq: count });
const ChannelTurnRow = z
  .object({ question: z.string(), answer: z.string(), created_at: instant })
  .transform((r): ChannelQuestion => ({ question: r.question, answer: r.answer, at: r.created_at }));

/** A LIKE pattern matching `text` literally (with ESCAPE '\\'). */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Written by `conversations.add` and by a completed delivery, so both write the same way. */
export async function addTurn(db: SqlExecutor, conversation: string, turn: TurnInput, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO conversation_turns (conversation, question, answer, answer_id, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [conversation, turn.question, turn.answer ?? '', turn.answerId ?? null, now.toISOString()],
  );
}

/** Oldest first, as the answerer reads them. */
function oldestFirst(rows: Record<string, unknown>[]): ConversationTurn[] {
  return parseRows(TurnRow, rows).reverse();
}

/** The turns of conversations the bot took part in (a Slack thread, a DM). Keys are opaque here. */
export class SqlConversationStore implements ConversationStore {
  constructor(private readonly db: SqlExecutor) {}

  add(conversation: string, turn: TurnInput, now: Date = new Date()): Promise<void> {
    return addTurn(this.db, conversation, turn, now);
  }

  async has(conversation: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 AS one FROM conversation_turns WHERE conversation = $1 LIMIT 1', [conversation]);
    return rows.length > 0;
  }

  async history(conversation: string, limit = 6, since?: Date): Promise<ConversationTurn[]> {
    const { rows } = since
      ? await this.db.query(
          `SELECT question, answer FROM conversation_turns WHERE conversation = $1 AND created_at >= $2
           ORDER BY seq DESC LIMIT $3`,
          [conversation, since.toISOString(), limit],
        )
      : await this.db.query(
          'SELECT question, answer FROM conversation_turns WHERE conversation = $1 ORDER BY seq DESC LIMIT $2',
          [conversation, limit],
        );
    return oldestFirst(rows);
  }

  async historyBefore(answerId: string, limit = 6): Promise<ConversationTurn[]> {
    const position = parseFirst(
      PositionRow,
      (await this.db.query('SELECT conversation, seq FROM conversation_turns WHERE answer_id = $1 ORDER BY seq LIMIT 1', [answerId])).rows,
    );
    if (!position) return [];
    const { rows } = await this.db.query(
      `SELECT question, answer FROM conversation_turns WHERE conversation = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3`,
      [position.conversation, position.seq, limit],
    );
    return oldestFirst(rows);
  }

  async under(conversation: string, since: Date, until: Date): Promise<ChannelQuestion[]> {
    const { rows } = await this.db.query(
      // The bot writes a turn under the conversation and again under `<conversation>#<user>` with its
      // answer id (per-person context), and a command's answer again under the thread it starts: each
      // answer counts once (by answer id), and a conversation copy is dropped when its person copy exists.
      `SELECT MIN(c.question) AS question, MIN(c.answer) AS answer, MIN(c.created_at) AS created_at
       FROM conversation_turns c
       WHERE (c.conversation = $1 OR c.conversation LIKE $2 ESCAPE '\\' OR c.conversation LIKE $3 ESCAPE '\\')
         AND c.created_at >= $4 AND c.created_at < $5
         AND (c.answer_id IS NOT NULL OR NOT EXISTS (
           SELECT 1 FROM conversation_turns p
           WHERE substr(p.conversation, 1, length(c.conversation) + 1) = c.conversation || '#' AND p.question = c.question))
       GROUP BY COALESCE(c.answer_id, 'turn:' || c.seq)
       ORDER BY MIN(c.seq)`,
      [conversation, `${literal(conversation)}:%`, `${literal(conversation)}#%`, since.toISOString(), until.toISOString()],
    );
    return parseRows(ChannelTurnRow, rows);
  }
}
