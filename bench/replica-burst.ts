/**
 * One burst of Slack mentions against running `gomez slack` replicas, measured from the outside: the
 * time of each event's HTTP 200 (the ack Slack waits at most 3 s for), and, through the fake Slack Web
 * API the replicas post to, when each answer was complete and how many bot messages each thread got.
 */
import type { WebApiCall } from '../tests/fakes/slack/index.ts';
import { FakeSlack, newTs, SlackRequester } from '../tests/fakes/slack/index.ts';
import { PLACEHOLDER } from '../src/adapters/slack/post.ts';
import { percentile } from './stats.ts';

export interface BurstTarget {
  url: string;
}

export interface BurstOptions {
  /** Channel of this burst (a fresh one per burst keeps the counts apart). */
  channel: string;
  events: number;
  /** Event POSTs in flight at once, over all replicas. */
  concurrency: number;
  questions: readonly string[];
  signingSecret: string;
  /** Give up waiting for answers after this long without a new one. */
  stallMs?: number;
}

export interface BurstResult {
  events: number;
  replicas: number;
  /** First POST sent to last answer complete. */
  seconds: number;
  answered: number;
  answersPerSecond: number;
  ackP50Ms: number;
  ackP95Ms: number;
  ackMaxMs: number;
  /** Event POST sent to its answer complete. */
  answerP50Ms: number;
  answerP95Ms: number;
  /** Messages the bot posted (placeholders included: one is later edited into its answer). */
  botMessages: number;
  /** Answers that went through a placeholder (slower than a second). */
  viaPlaceholder: number;
  /** Threads with more than one bot message: what exactly-once forbids. */
  duplicated: number;
  /**
   * Threads whose placeholder was edited into the answer more than once: a replica that lost its lease
   * (it could not extend it in time) was taken over and both edited the same message. One message
   * still; by design harmless.
   */
  editedTwice: number;
  /** Non-200 acks. */
  failedAcks: number;
  /** Private notices (a refusal by the rate limit, an error): none are expected. */
  ephemerals: number;
  /** What the bot did in a few threads that went wrong (duplicated or unanswered), for the log. */
  examples: string[];
}

const placeholderText = PLACEHOLDER.text;

/**
 * Follows the fake's calls as they arrive (one waiter, a cursor: the test runs right after each call is
 * recorded, so its clock is the answer's arrival) and counts per thread what the bot posted.
 */
class AnswerWatch {
  private cursor: number;
  /** Thread ts → bot messages posted in it. */
  readonly posts = new Map<string, number>();
  /** Thread ts → times a final answer arrived (more than one is a duplicate). */
  readonly finals = new Map<string, number[]>();
  /** Placeholder ts → its thread. */
  private readonly placeholders = new Map<string, string>();
  /** Thread ts → the bot's calls in it, in order (method and the start of the text). */
  readonly story = new Map<string, string[]>();
  ephemerals = 0;

  constructor(private readonly fake: FakeSlack, private readonly channel: string) {
    this.cursor = fake.calls.length;
  }

  /** Resolves when `expected` threads have a final answer. */
  until(expected: number): Promise<void> {
    return this.fake.waitUntil(() => {
      this.scan();
      return this.finals.size >= expected;
    });
  }

  scan(): void {
    const now = performance.now();
    for (; this.cursor < this.fake.calls.length; this.cursor++) this.see(this.fake.calls[this.cursor]!, now);
  }

  private see(call: WebApiCall, now: number): void {
    if (call.args.channel !== this.channel) return;
    const thread = call.method === 'chat.update' || call.method === 'chat.delete' ? this.placeholders.get(String(call.args.ts)) : String(call.args.thread_ts);
    if (thread) this.story.set(thread, [...(this.story.get(thread) ?? []), `${call.method} ${String(call.args.text ?? call.args.ts).slice(0, 50)}`]);
    if (call.method === 'chat.postEphemeral') this.ephemerals += 1;
    if (call.method === 'chat.postMessage') {
      const thread = String(call.args.thread_ts);
      this.posts.set(thread, (this.posts.get(thread) ?? 0) + 1);
      if (call.args.text === placeholderText) this.placeholders.set(String(call.result?.ts), thread);
      else this.finish(thread, now);
    }
    if (call.method === 'chat.update') {
      const thread = this.placeholders.get(String(call.args.ts));
      if (thread) this.finish(thread, now);
    }
  }

  private finish(thread: string, now: number): void {
    this.finals.set(thread, [...(this.finals.get(thread) ?? []), now]);
  }

  get viaPlaceholder(): number {
    return this.placeholders.size;
  }
}

/**
 * Sends `events` signed app_mention events round-robin over the replicas, `concurrency` at a time, each
 * from a different person (so the per-person rate limit never refuses one), then waits for every answer.
 */
export async function runBurst(fake: FakeSlack, replicas: readonly BurstTarget[], options: BurstOptions): Promise<BurstResult> {
  const requesters = replicas.map((r) => new SlackRequester(r.url, options.signingSecret, fake));
  const watch = new AnswerWatch(fake, options.channel);
  const sentAt = new Map<string, number>();
  const acks: number[] = [];
  let failedAcks = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.events) {
        const i = next++;
        const ts = newTs();
        const sent = performance.now();
        sentAt.set(ts, sent);
        const response = await requesters[i % requesters.length]!.mention({
          text: options.questions[i % options.questions.length]!,
          channel: options.channel,
          ts,
          user: `UBENCH${String(i).padStart(5, '0')}`,
        });
        acks.push(performance.now() - sent);
        if (response.status !== 200) failedAcks += 1;
      }
    }),
  );
  await waitForAnswers(watch, options.events, options.stallMs ?? 30_000);
  // A duplicate would come after the first answer: give it a moment to show.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  watch.scan();

  const firstAnswers = [...watch.finals.entries()].map(([thread, times]) => ({ thread, at: times[0]! }));
  const answerTimes = firstAnswers.map(({ thread, at }) => at - (sentAt.get(thread) ?? Number.NaN));
  const lastAnswerAt = Math.max(started, ...firstAnswers.map((a) => a.at));
  const threads = new Set([...watch.posts.keys(), ...watch.finals.keys()]);
  const duplicated = [...threads].filter((t) => (watch.posts.get(t) ?? 0) > 1).length;
  const editedTwice = [...threads].filter((t) => (watch.posts.get(t) ?? 0) === 1 && (watch.finals.get(t)?.length ?? 0) > 1).length;
  const seconds = (lastAnswerAt - started) / 1000;
  return {
    events: options.events,
    replicas: replicas.length,
    seconds,
    answered: watch.finals.size,
    answersPerSecond: watch.finals.size / seconds,
    ackP50Ms: percentile(acks, 50),
    ackP95Ms: percentile(acks, 95),
    ackMaxMs: Math.max(...acks),
    answerP50Ms: percentile(answerTimes, 50),
    answerP95Ms: percentile(answerTimes, 95),
    botMessages: [...watch.posts.values()].reduce((a, b) => a + b, 0),
    viaPlaceholder: watch.viaPlaceholder,
    duplicated,
    editedTwice,
    failedAcks,
    ephemerals: watch.ephemerals,
    examples: [...sentAt.keys()]
      .filter((t) => (watch.posts.get(t) ?? 0) !== 1 || (watch.finals.get(t)?.length ?? 0) !== 1)
      .slice(0, 5)
      .map((t) => `thread ${t}: ${(watch.story.get(t) ?? ['nothing']).join(' | ')}`),
  };
}

/** Waits for every answer, or until none has come for `stallMs` (then the result shows what is missing). */
async function waitForAnswers(watch: AnswerWatch, expected: number, stallMs: number): Promise<void> {
  const all = watch.until(expected);
  for (;;) {
    const seen = watch.finals.size;
    const done = await Promise.race([all.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), stallMs))]);
    if (done) return;
    watch.scan();
    if (watch.finals.size === seen) return;
  }
}
