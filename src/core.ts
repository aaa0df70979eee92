import type { Callbacks } from '@langchain/core/callbacks/manager';
import type { Answer, Summary } from './answer/types.ts';
import type { QuestionReading } from './answer/reading/types.ts';
import type { Corpus } from './corpus/types.ts';

/** One earlier exchange in a conversation (thread), oldest first. */
export interface ConversationTurn {
  question: string;
  answer?: string;
}

export interface AskOptions {
  /** Earlier turns of the same thread, used to resolve follow-ups like "and why?". */
  history?: ConversationTurn[];
  /** Skip this many of the best quotes ("More quotes" paging). */
  offset?: number;
  /** How many quotes to return (default 3). */
  limit?: number;
  signal?: AbortSignal;
  /**
   * LangChain callbacks (a tracer, a LangSmith handler, a counter in tests): every retrieval and model
   * call made for this question runs with them.
   */
  callbacks?: Callbacks;
}

export interface SummarizeOptions {
  topic?: string | null;
  /** Theme titles to put last (digest rotation: avoid repeating what a channel saw last time). */
  avoidThemes?: string[];
  /** Source ids to lead with (new transcripts since the last digest). */
  leadSources?: string[];
  /** Quote texts the reader saw last time: other quotes are chosen where the corpus has them. */
  avoidQuotes?: string[];
}

/**
 * The platform-neutral bot core. Adapters (console, Discord, Slack) only translate events into these
 * calls and render the plain-data results; they hold no retrieval or answering logic.
 */
export interface GomezCore {
  readonly corpus: Corpus;
  /** Name of the person the bot is about (the guest), e.g. "Aidan Gomez". */
  readonly guestName: string;
  /** The bot's own persona name. */
  readonly botName: string;
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /**
   * How the core reads a message (kind, person, topic, what it takes from the thread's earlier
   * questions), for the bot layer's manners. Throws InputError when the text is empty or too long.
   */
  read(text: string, history?: readonly string[]): QuestionReading;
  /** The best quotes on a topic with no lead (`answer` is a one-line heading). */
  quotes(topic: string, options?: AskOptions): Promise<Answer>;
  summarize(options?: SummarizeOptions): Promise<Summary>;
  /** Topics the corpus covers, best first, for autocomplete and refusal suggestions. */
  topics(): string[];
}

/** The calls a core wrapper may replace; the rest go to the core it wraps. */
export type CoreCalls = Pick<GomezCore, 'ask' | 'read' | 'quotes' | 'summarize' | 'topics'>;

/**
 * A core that answers through `base` except for the calls given: how model mode, source details and
 * tests wrap a core without repeating every delegating method (and without losing one when GomezCore
 * grows). `corpus` stays a getter, so a reloaded corpus shows through.
 */
export function wrapCore(base: GomezCore, calls: Partial<CoreCalls>): GomezCore {
  return {
    get corpus() {
      return base.corpus;
    },
    get guestName() {
      return base.guestName;
    },
    get botName() {
      return base.botName;
    },
    ask: calls.ask ?? ((question, options) => base.ask(question, options)),
    read: calls.read ?? ((text, history) => base.read(text, history)),
    quotes: calls.quotes ?? ((topic, options) => base.quotes(topic, options)),
    summarize: calls.summarize ?? ((options) => base.summarize(options)),
    topics: calls.topics ?? (() => base.topics()),
  };
}
