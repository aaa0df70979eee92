import type { Person } from '../person.ts';
import type { MessageKind } from './kind.ts';

/** One way to read what a message asks: a clause to search with, and its topic when marked. */
export interface AskedClause {
  /** The clause, chat framing removed and misspellings corrected. */
  text: string;
  /** The words the clause is about ("synthetic data"); null when its wording marks none (then all of it is). */
  topic: string | null;
  /** Words that steer the ranking without counting toward coverage (the thread's earlier topic). */
  context?: string;
  /** Where it comes from: the message alone, or the message completed from the thread's history. */
  from: 'message' | 'history';
  /**
   * For a follow-up asking what came after, or in place of, what the thread's question found ("so what
   * did they do instead?", "后来呢?"): that earlier question. The answer is what the person said right
   * after the quotes it was answered with, not its best quote again.
   */
  sequelOf?: AskedClause;
}

/**
 * A message read once: everything downstream (extractive answer, model mode, topic summaries, paging,
 * the bot's manners) takes this value and never re-parses the text.
 */
export interface QuestionReading {
  /** The message as typed, control characters removed and white space collapsed (echoed back). */
  asked: string;
  /** The message as plain words (platform markup removed). */
  plain: string;
  kind: MessageKind;
  language: 'zh' | 'en';
  /** Who it is about: named in it, carried over from the thread, or the default person. */
  person: Person;
  /** Whether the message itself names the person. */
  named: boolean;
  /** Readings to search with, best guess first; the answerer keeps the one the corpus supports best. */
  clauses: AskedClause[];
  /**
   * It refers back ("is that sustainable?", "what should they do instead?"): a reading completed from
   * history is preferred whenever the corpus supports it.
   */
  refersBack: boolean;
  /** For a recap request: the period as typed ("30 days"), undefined for the default. */
  recapDays?: string;
  /** For a summary request: its topic (null for the whole corpus). */
  summaryTopic?: string | null;
  /** Words corrected for spelling ("sythetic" -> "synthetic"). */
  corrections: Array<{ from: string; to: string }>;
}
