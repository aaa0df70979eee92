import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer/types.ts';
import type { QuestionReading } from '../answer/reading/types.ts';
import type { AskOptions, ConversationTurn, GomezCore } from '../core.ts';
import { GomezError, InputError, RateLimitError, userMessageFor } from '../errors.ts';
import { log } from '../log.ts';
import { withDeadline } from './deadline.ts';
import { helpText } from './help.ts';
import { BOT_POLICY, type BotPolicy } from './policy.ts';
import type { BotState, StoredAnswer, Vote } from './state.ts';
import type { AnswerPage, BotReply, IncomingMessage, Surface } from './types.ts';
import type { Summary } from '../answer/types.ts';
import { recordRateLimited } from '../web/metrics.ts';
import { observeQuestion, type QuestionObserver } from '../web/observe-question.ts';

/** Who pressed a button or ran a command. */
export interface Asker {
  surface: Surface;
  userId: string;
  /** The workspace the person belongs to where user ids are only unique within one (Slack installed in many). */
  workspace?: string;
}

/** The person as state records them (votes, insights): the user id, qualified by its workspace when there is one. */
export function personOf(asker: Asker): string {
  return asker.workspace ? `${asker.workspace}:${asker.userId}` : asker.userId;
}

/** Hooks an adapter may give to show progress; called only when the message will be searched. */
export interface Progress {
  /** Called after the rate check, before the (possibly slow) search: defer, set a status, … */
  searching?(): Promise<void>;
}

export interface BotOptions {
  core: GomezCore;
  state: BotState;
  /** Overrides of the conversation policy (tests shorten the deadline). */
  policy?: Partial<BotPolicy>;
  /** Where questions are counted (metrics) and logged for curator insights; metrics only without it. */
  observer?: QuestionObserver;
  /**
   * The channel's recap ("@Verbatim recap", "recap 30 days"): what this conversation's channel asked
   * over the period. Adapters that keep channel questions give it; without it a recap is a summary.
   */
  recap?: (message: IncomingMessage, days: string | undefined) => Promise<Summary>;
}

const EXPIRED = 'I no longer have that answer on file. Please ask the question again.';
const NO_MORE = "That's every quote I have on this.";

/**
 * The platform-neutral conversation: what a message is (from the core's reading), whether and how to
 * answer it, whose context a follow-up uses, paging, rate limits, deadlines and feedback. Written once
 * for every surface; adapters translate events in and deliver the returned BotReply (adapter.ts).
 */
export class Bot {
  readonly core: GomezCore;
  private readonly state: BotState;
  private readonly policy: BotPolicy;
  private readonly observer: QuestionObserver;
  private readonly recapOf: BotOptions['recap'];
  private readonly options: BotOptions;

  constructor(options: BotOptions) {
    this.options = options;
    this.core = options.core;
    this.state = options.state;
    this.policy = { ...BOT_POLICY, ...options.policy };
    this.observer = options.observer ?? { corpus: options.core.corpus };
    this.recapOf = options.recap;
  }

  /** The same bot over another state (a leased delivery holds its writes back until it completes). */
  withState(state: BotState): Bot {
    return new Bot({ ...this.options, state });
  }

  /** Help with example questions from the corpus topics; `privately` when only the caller asked (a command). */
  help(privately = false): BotReply {
    return { type: 'help', help: helpText(this.core, this.policy.helpExamples), privately };
  }

  /** Counts a question of `asker` against the per-minute limit; throws RateLimitError when over it. */
  async admit(asker: Asker): Promise<void> {
    const wait = await this.state.takeQuestionSlot(asker.surface, asker.userId, asker.workspace);
    if (wait > 0) {
      recordRateLimited(asker.surface);
      throw new RateLimitError(wait);
    }
  }

  /** Whether the bot answered in this conversation, so an unmentioned message there may be a follow-up. */
  follows(conversation: string): Promise<boolean> {
    return this.state.follows(conversation);
  }

  /**
   * A message: a question is answered with the asker's own recent turns in this conversation as
   * context; help and greetings get help; thanks an acknowledgement; a summary request a summary.
   * Unmentioned thread messages are answered only when they are questions; a mention always is.
   */
  async handle(message: IncomingMessage, progress: Progress = {}): Promise<BotReply> {
    const addressed = await this.addressed(message);
    const history = await this.history(message);
    let reading: QuestionReading;
    try {
      reading = this.core.read(message.text, history.map((t) => t.question));
    } catch (error) {
      // Empty or oversized text: the asker is told why only when they were talking to the bot.
      return addressed ? this.notice(error, message) : { type: 'ignore' };
    }
    // In a DM or the console every request is for the bot; only chatter after an answer is left alone.
    const asked = addressed || message.delivery === 'direct';
    switch (reading.kind) {
      case 'thanks':
        return { type: 'acknowledge' };
      case 'help':
      case 'greeting':
        return asked ? this.help(message.delivery === 'command') : { type: 'ignore' };
      case 'summary':
        return asked ? this.summary(message, reading.summaryTopic ?? null, progress) : { type: 'ignore' };
      case 'recap':
        return asked ? this.recap(message, reading.recapDays, progress) : { type: 'ignore' };
      case 'chatter':
        if (!addressed) return { type: 'ignore' };
        break;
      case 'question':
        break;
    }
    return this.answer(message, 'ask', history, progress);
  }

  /** The best quotes on a topic (`/gomez quotes`), paged like answers. */
  async quotes(message: IncomingMessage, progress: Progress = {}): Promise<BotReply> {
    if (!message.text.trim()) return { type: 'notice', text: 'Tell me a topic, for example “synthetic data”.', reason: 'input' };
    return this.answer(message, 'quotes', [], progress);
  }

  /** A digest of the corpus, or of one topic. */
  async summary(asker: Asker, topic: string | null, progress: Progress = {}): Promise<BotReply> {
    try {
      await this.admit(asker);
      await progress.searching?.();
      const summary = await withDeadline(this.policy.answerDeadlineMs, () => this.core.summarize({ topic: topic?.trim() || null }));
      return { type: 'summary', summary };
    } catch (error) {
      return this.notice(error, asker);
    }
  }

  /** The channel's recap, or a digest of the corpus where the surface keeps no channel questions. */
  async recap(message: IncomingMessage, days: string | undefined, progress: Progress = {}): Promise<BotReply> {
    if (!this.recapOf) return this.summary(message, null, progress);
    try {
      await this.admit(message);
      await progress.searching?.();
      const summary = await withDeadline(this.policy.answerDeadlineMs, () => this.recapOf!(message, days));
      return { type: 'summary', summary };
    } catch (error) {
      return this.notice(error, message);
    }
  }

  /**
   * "More quotes": the next page of the same evidence ranking, read with the same context the answer
   * was. It continues by offset in every mode, so it never asks the model again and never repeats.
   */
  async more(answerId: string, asker: Asker, progress: Progress = {}): Promise<BotReply> {
    try {
      const record = await this.state.answer(answerId);
      if (!record) return { type: 'notice', text: EXPIRED, reason: 'expired' };
      await this.admit(asker);
      await progress.searching?.();
      const per = this.policy.quotesPerPage;
      const options: AskOptions = { offset: record.shown, limit: per + 1 };
      const page = await withDeadline(this.policy.answerDeadlineMs, async (signal) =>
        record.kind === 'quotes'
          ? this.core.quotes(record.question, { ...options, signal })
          : this.core.ask(record.question, { ...options, signal, history: await this.state.turnsBefore(record.id, this.policy.historyTurns) }),
      );
      if (page.quotes.length === 0) return { type: 'notice', text: NO_MORE, reason: 'no-more' };
      const quotes = page.quotes.slice(0, per);
      await this.state.setShown(record.id, record.shown + quotes.length);
      // The lead stays the one first given; only the quotes move on.
      return {
        type: 'answer',
        page: this.page(record, { ...page, question: record.question, answer: record.answer, quotes }, record.shown, page.quotes.length > per),
      };
    } catch (error) {
      return this.notice(error, { answerId, ...asker });
    }
  }

  /** 👍 / 👎 on an answer; the reply is a private confirmation. */
  async vote(answerId: string, asker: Asker, vote: Vote): Promise<BotReply> {
    const record = await this.state.answer(answerId);
    if (!record) return { type: 'notice', text: 'I no longer have that answer, so I could not record the vote.', reason: 'expired' };
    try {
      await this.state.recordVote({ answerId, userId: personOf(asker), surface: asker.surface, vote });
    } catch (error) {
      return this.notice(error);
    }
    const text = vote === 1 ? 'Thanks, noted your 👍.' : 'Thanks, noted your 👎: it tells the curators which answers to improve.';
    return { type: 'notice', text: `${text} Press the other one any time to change your vote.`, reason: 'vote' };
  }

  /**
   * An answer posted as the start of a new thread (a slash command's channel post): replies in that
   * thread are the asker's follow-ups.
   */
  async startedThread(page: AnswerPage, conversation: string, userId: string): Promise<void> {
    await this.state.addTurn(conversation, userId, { question: page.answer.question, answer: page.answer.answer, answerId: page.answerId });
  }

  private async answer(message: IncomingMessage, kind: 'ask' | 'quotes', history: ConversationTurn[], progress: Progress): Promise<BotReply> {
    try {
      await this.admit(message);
      await progress.searching?.();
      const per = this.policy.quotesPerPage;
      // One quote more than a page tells whether "More quotes" will find anything.
      const id = message.messageId ?? randomUUID();
      // Counted (metrics) and logged for insights whatever the outcome; a failure to log never costs the answer.
      const answer = await observeQuestion(this.observer, { surface: message.surface, question: message.text, userId: personOf(message), answerId: id }, () =>
        withDeadline(this.policy.answerDeadlineMs, (signal) =>
          kind === 'quotes'
            ? this.core.quotes(message.text, { limit: per + 1, signal })
            : this.core.ask(message.text, { limit: per + 1, signal, history }),
        ),
      );
      const quotes = answer.quotes.slice(0, per);
      const record: StoredAnswer = {
        id,
        surface: message.surface,
        kind,
        question: message.text,
        answer: answer.answer,
        shown: quotes.length,
        answered: answer.answered,
      };
      await this.state.saveAnswer(record);
      await this.state.addTurn(message.conversation, message.userId, { question: message.text, answer: answer.answer, answerId: record.id });
      return { type: 'answer', page: this.page(record, { ...answer, quotes }, 0, answer.quotes.length > per) };
    } catch (error) {
      return this.notice(error, message);
    }
  }

  private page(record: StoredAnswer, answer: Answer, before: number, moreAvailable: boolean): AnswerPage {
    return {
      answerId: record.id,
      kind: record.kind,
      answer,
      firstQuoteNumber: before + 1,
      shownSoFar: before + answer.quotes.length,
      moreAvailable: answer.answered && moreAvailable,
    };
  }

  private async addressed(message: IncomingMessage): Promise<boolean> {
    if (message.delivery === 'mention' || message.delivery === 'command') return true;
    if (message.delivery === 'thread') return false;
    // A DM (or the console) is addressed until the bot has answered there; then it is a thread.
    return !(await this.state.follows(message.conversation));
  }

  private history(message: IncomingMessage): Promise<ConversationTurn[]> {
    return this.state.turns(message.conversation, message.userId, {
      limit: this.policy.historyTurns,
      since: new Date(Date.now() - this.policy.historyWindowMs),
    });
  }

  /**
   * A page fitted only `quotesShown` of its quotes (a platform's size limits): paging continues after
   * the last one shown. A quote too long to show at all is skipped rather than offered again forever.
   */
  async fitted(page: AnswerPage, quotesShown: number): Promise<void> {
    if (quotesShown >= page.answer.quotes.length) return;
    await this.state.setShown(page.answerId, page.firstQuoteNumber - 1 + Math.max(1, quotesShown));
  }

  /** Any failure as a private notice; the log gets the detail (with where it happened), the asker the safe text. */
  private notice(error: unknown, where: Partial<IncomingMessage> & { answerId?: string } = {}): BotReply {
    const reason = error instanceof RateLimitError ? 'rate-limit' : error instanceof InputError ? 'input' : 'error';
    const fields = { error, surface: where.surface, userId: where.userId, messageId: where.messageId, answerId: where.answerId, conversation: where.conversation };
    if (!(error instanceof GomezError)) log.error('bot: answering failed', fields);
    else if (reason === 'error') log.warn('bot: answer refused', fields);
    return { type: 'notice', text: userMessageFor(error), reason };
  }
}
