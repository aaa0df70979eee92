import type { Summary } from '../../src/answer/types.ts';
import type { SummarizeOptions } from '../../src/core.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { ChannelGoneError, type Digest, type DigestPoster } from '../../src/digest/poster.ts';
import { setLogLevel } from '../../src/log.ts';
import type { Subscription } from '../../src/store/subscriptions.ts';

setLogLevel('silent');

/** A clock the test moves by hand. */
export class FakeClock {
  constructor(private at: Date) {}
  now = (): Date => new Date(this.at);
  set(iso: string): void {
    this.at = new Date(iso);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A poster that records what it was asked to post, at which (fake) time; channels can be made to fail. */
export class RecordingPoster implements DigestPoster {
  readonly posts: { channelId: string; at: string; digest: Digest }[] = [];
  readonly gone = new Set<string>();
  readonly flaky = new Set<string>();
  constructor(private readonly clock: FakeClock) {}
  async post(subscription: Subscription, digest: Digest): Promise<void> {
    if (this.gone.has(subscription.channelId)) throw new ChannelGoneError(subscription.channelId, 'not_in_channel');
    if (this.flaky.has(subscription.channelId)) throw new Error('socket hang up');
    this.posts.push({ channelId: subscription.channelId, at: this.clock.now().toISOString(), digest });
  }
  to(channelId: string): string[] {
    return this.posts.filter((p) => p.channelId === channelId).map((p) => p.at);
  }
}

/** A summariser double that records its options and returns one theme per call. */
export function recordingSummarizer(): { calls: SummarizeOptions[]; summarize(o: SummarizeOptions): Promise<Summary> } {
  const calls: SummarizeOptions[] = [];
  return {
    calls,
    async summarize(options) {
      calls.push(options);
      const n = calls.length;
      return {
        topic: options.topic ?? null,
        answered: true,
        mode: 'extractive',
        themes: [{ title: `Theme ${n}`, takeaway: 'Gomez says something.', quotes: [] }],
      };
    },
  };
}

export function sourceIdsOf(corpus: Corpus): string[] {
  return corpus.sources.map((s) => s.meta.id);
}
