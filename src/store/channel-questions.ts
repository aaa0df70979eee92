import { z } from 'zod';
import type { Store } from './store.ts';

/** A question asked in a channel (or one of its threads), as the conversation log recorded it. */
export interface ChannelQuestion {
  question: string;
  answer: string;
  at: string;
}

const Row = z.object({ question: z.string(), answer: z.string(), created_at: z.string() });

/**
 * Questions asked in one channel between `since` (inclusive) and `until` (exclusive), oldest first,
 * read from the conversation log: Slack keys are `slack:<channel>` and `slack:<channel>:<thread>`,
 * Discord keys `discord:<channel>` (src/adapters/*). Kept in its own function for the store port.
 */
export function channelQuestions(
  store: Store,
  where: { platform: 'slack' | 'discord'; channelId: string },
  since: Date,
  until: Date,
): ChannelQuestion[] {
  const exact = `${where.platform}:${where.channelId}`;
  // Channel ids are letters and digits; anything else is refused rather than put into a LIKE pattern.
  if (!/^[A-Za-z0-9_-]+$/.test(where.channelId)) return [];
  // The bot writes a turn under the conversation and again under `<conversation>#<user>` (per-person
  // context), and a command's answer again under the thread it starts: one row per answer id counts.
  return store.db
    .prepare(
      `SELECT question, answer, MIN(created_at) AS created_at FROM conversation_turns
       WHERE (conversation = ? OR conversation LIKE ? OR conversation LIKE ?) AND answer_id IS NOT NULL
         AND created_at >= ? AND created_at < ?
       GROUP BY answer_id
       ORDER BY MIN(seq)`,
    )
    .all(exact, `${exact}:%`, `${exact}#%`, since.toISOString(), until.toISOString())
    .map((row) => {
      const r = Row.parse(row);
      return { question: r.question, answer: r.answer, at: r.created_at };
    });
}
