import type { ConversationTurn } from '../core.ts';
import type { Surface } from './types.ts';

/** What the bot remembers about an answer it gave, so buttons under it work after a restart. */
export interface StoredAnswer {
  id: string;
  surface: Surface;
  /** Which core call produced it: 'ask' (a question) or 'quotes' (a topic). */
  kind: 'ask' | 'quotes';
  /** The message as asked (paging asks it again, with the same history). */
  question: string;
  /** The lead text first shown (paging keeps it). */
  answer: string;
  /** Quotes shown so far ("More quotes" continues after them). */
  shown: number;
  /** False for a refusal (the corpus does not cover it). */
  answered: boolean;
}

export type Vote = 1 | -1;

/** Votes on one answer, with what was asked. */
export interface AnswerVotes {
  answerId: string;
  surface: Surface;
  question: string;
  answer: string;
  up: number;
  down: number;
  /** ISO time of the latest vote. */
  lastVoteAt: string;
}

/** A question a curator should look at: voted 👎, or refused for lack of coverage. */
export interface CuratorQuestion {
  question: string;
  surface: Surface;
  /** ISO time it was asked (refusals) or last voted down (👎). */
  at: string;
  answerId: string;
}

/** The data behind `gomez feedback`: newest first throughout. */
export interface FeedbackReport {
  answers: AnswerVotes[];
  disliked: CuratorQuestion[];
  refused: CuratorQuestion[];
}

/**
 * Everything the bot layer keeps between messages, behind one narrow async interface. SharedBotState
 * (shared-state.ts) implements it over the StateStore, SQLite or PostgreSQL alike; HeldWrites wraps it
 * while a leased delivery is answered. Implementations parse rows at their boundary.
 */
export interface BotState {
  /** The asker's own answered turns in a conversation, oldest first: at most `limit`, none before `since`. */
  turns(conversation: string, userId: string, window: { limit: number; since: Date }): Promise<ConversationTurn[]>;
  /** The asker's turns before the one that produced `answerId` (the context its pages are read with). */
  turnsBefore(answerId: string, limit: number): Promise<ConversationTurn[]>;
  /** Records an answered turn of `userId` in `conversation`, linked to its answer record. */
  addTurn(conversation: string, userId: string, turn: ConversationTurn & { answerId: string }, now?: Date): Promise<void>;
  /** Whether the bot has answered anyone in this conversation (so its thread messages may be follow-ups). */
  follows(conversation: string): Promise<boolean>;

  saveAnswer(record: StoredAnswer, now?: Date): Promise<void>;
  answer(id: string): Promise<StoredAnswer | undefined>;
  setShown(id: string, shown: number): Promise<void>;

  /** One vote per person per answer: voting again replaces it. */
  recordVote(input: { answerId: string; userId: string; surface: Surface; vote: Vote }, now?: Date): Promise<void>;
  feedbackReport(limit: number): Promise<FeedbackReport>;

  /**
   * Counts one question of `userId` (of `workspace`, when ids are per workspace) against the per-minute
   * limit: 0 when allowed, else seconds to wait.
   */
  takeQuestionSlot(surface: Surface, userId: string, workspace?: string): Promise<number>;
}
