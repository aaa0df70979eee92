import type { Answer, Summary } from '../answer/types.ts';
import type { ConversationTurn } from '../core.ts';

/** Where a message came from. A new platform adds its name here and one adapter folder. */
export type Surface = 'slack' | 'discord' | 'cli';

/**
 * How a message reached the bot, which decides its manners:
 * - `mention` (@Verbatim …) and `command` (/gomez …): always answered;
 * - `direct` (a DM, the console): answered like a mention until the bot has answered there; after that,
 *   chatter gets nothing ("lol nice"), while questions, help and summary requests are still answered;
 * - `thread`: an unmentioned message in a thread the bot answered in: answered only when it is a question.
 */
export type Delivery = 'mention' | 'command' | 'direct' | 'thread';

/** One message for the bot, already translated from the platform's event. */
export interface IncomingMessage {
  surface: Surface;
  /** The platform's id of the person who wrote it. */
  userId: string;
  /**
   * The workspace it was written in, where the platform's ids are only unique within one (Slack
   * installed into many workspaces): limits and votes are then kept per workspace.
   */
  workspace?: string;
  /** The thread, channel or DM it belongs to (opaque; e.g. `slack:C1:1712.0001`). */
  conversation: string;
  /** Plain text: the bot's own mention removed, platform markup turned into readable text. */
  text: string;
  delivery: Delivery;
  /**
   * The platform's id of the message or interaction, unique on its platform: it becomes the answer's id
   * when given (Discord snowflakes fit a button's custom id) and keys the log lines of its failures.
   */
  messageId?: string;
}

/** A page of an answer ready to render: the answer with only this page's quotes. */
export interface AnswerPage {
  /** Stored id: buttons under the answer carry it. */
  answerId: string;
  /** 'quotes' pages are headed by their topic instead of a question. */
  kind: 'ask' | 'quotes';
  /** The answer with `quotes` cut to this page. */
  answer: Answer;
  /** Number of the page's first quote (1 on the first page, 4 after one "More quotes"…). */
  firstQuoteNumber: number;
  /** Quotes shown so far, this page included. */
  shownSoFar: number;
  /** Whether the ranking holds more quotes after this page. */
  moreAvailable: boolean;
}

/** Short help: what the bot does and example questions drawn from the corpus topics. */
export interface HelpText {
  botName: string;
  guestName: string;
  /** One line on what the bot is. */
  intro: string;
  /** Real questions the corpus answers (from its topics). */
  examples: string[];
}

/** Why a notice is shown; every notice is for the asker only. */
export type NoticeReason = 'rate-limit' | 'error' | 'input' | 'expired' | 'no-more' | 'cannot-post' | 'vote';

/**
 * What the bot decided, as plain data. Adapters render it; they never decide. Notices are private
 * to the asker on every platform that can do that.
 */
export type BotReply =
  | { type: 'answer'; page: AnswerPage }
  | { type: 'summary'; summary: Summary }
  /** Help: in the conversation, or only to the caller when they asked with a command. */
  | { type: 'help'; help: HelpText; privately: boolean }
  /** Thanks: a reaction where the platform has them, else a short private acknowledgement. */
  | { type: 'acknowledge' }
  /** Say nothing (chatter in a thread). */
  | { type: 'ignore' }
  | { type: 'notice'; text: string; reason: NoticeReason };

export type { ConversationTurn };
