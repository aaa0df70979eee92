import type { Summary } from '../answer/types.ts';
import type { GomezCore, SummarizeOptions } from '../core.ts';
import { log } from '../log.ts';
import type { Store } from '../store/store.ts';
import { SubscriptionStore, type DigestPlatform, type Subscription } from '../store/subscriptions.ts';
import { digestNote } from './note.ts';
import { buildRecap, periodWords } from './recap.ts';
import { channelQuestions } from '../store/channel-questions.ts';
import { ChannelGoneError, type DigestPoster } from './poster.ts';
import { nextOccurrence, slotsBetween } from './schedule.ts';

export interface DigestRunnerOptions {
  platform: DigestPlatform;
  subscriptions: SubscriptionStore;
  poster: DigestPoster;
  summarize(options: SummarizeOptions): Promise<Summary>;
  /** A channel's recap of what it asked between two instants (recap subscriptions). */
  recap?(subscription: Subscription, since: Date, until: Date): Promise<Summary>;
  /** The corpus's sources now (new ones lead the next digest). */
  sources(): { id: string; title: string }[];
  /** Injectable clock (tests move time by hand). */
  clock?: () => Date;
  /** How often to look for due digests when started (default one minute). */
  intervalMs?: number;
}

/** What one pass did, for logs and tests. */
export interface TickReport {
  posted: string[];
  disabled: string[];
  failed: string[];
}

/** Attempts at one digest before it is skipped to the next scheduled time (a passing outage is retried). */
export const MAX_ATTEMPTS = 3;

/**
 * Posts the digests that are due. Each due subscription is claimed first (its next due time is moved
 * on in the store, compare-and-set), then summarised and posted; so a restart or a second runner never
 * posts the same slot twice, and downtime of several slots yields one catch-up digest.
 */
export class DigestRunner {
  private readonly clock: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickReport> | undefined;

  constructor(private readonly options: DigestRunnerOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** One pass over the due subscriptions; concurrent calls share the pass in progress. */
  tick(): Promise<TickReport> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  start(): void {
    if (this.timer) return;
    const every = this.options.intervalMs ?? 60_000;
    this.timer = setInterval(() => void this.tick().catch((error: unknown) => log.error('digest: tick failed', { error })), every);
    this.timer.unref();
    void this.tick().catch((error: unknown) => log.error('digest: tick failed', { error }));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<TickReport> {
    const report: TickReport = { posted: [], disabled: [], failed: [] };
    const now = this.clock();
    for (const subscription of this.options.subscriptions.due(this.options.platform, now)) {
      await this.deliver(subscription, now, report);
    }
    return report;
  }

  private async deliver(subscription: Subscription, now: Date, report: TickReport): Promise<void> {
    const { subscriptions } = this.options;
    const dueAt = new Date(subscription.nextDueAt);
    const next = nextOccurrence(subscription, now);
    if (!subscriptions.claim(subscription.id, subscription.nextDueAt, next.toISOString())) return;

    const fields = { subscription: subscription.id, platform: subscription.platform, channel: subscription.channelId };
    try {
      const corpusSources = this.options.sources();
      const sources = corpusSources.map((s) => s.id);
      // Sources added since the channel subscribed or got its last digest lead the next one.
      const newSources = subscription.lastSentAt === null && subscription.seenSources.length === 0
        ? []
        : sources.filter((id) => !subscription.seenSources.includes(id));
      if (subscription.kind === 'recap' && this.options.recap) {
        await this.deliverRecap(subscription, dueAt, now, sources);
        report.posted.push(subscription.id);
        return;
      }
      const summary = await this.options.summarize({
        topic: subscription.topic,
        avoidThemes: subscription.lastThemes,
        avoidQuotes: subscription.lastQuotes,
        leadSources: newSources,
      });
      const slots = slotsBetween(subscription, dueAt, now);
      const newTitles = corpusSources.filter((s) => newSources.includes(s.id)).map((s) => s.title);
      const note = digestNote(subscription, slots, newTitles, summary);
      await this.options.poster.post(subscription, { summary: { ...summary, note }, scheduledFor: dueAt, slots, newSources });
      subscriptions.recordSent(subscription.id, {
        at: now,
        themes: summary.themes.map((t) => t.title),
        quotes: summary.themes.flatMap((t) => t.quotes.map((q) => q.text)),
        sources,
      });
      report.posted.push(subscription.id);
      log.info('digest: posted', { ...fields, scheduledFor: dueAt.toISOString(), slots, next: next.toISOString() });
    } catch (error) {
      if (error instanceof ChannelGoneError) {
        subscriptions.disable(subscription.id, error.reason);
        report.disabled.push(subscription.id);
        log.warn('digest: channel unreachable, subscription disabled', { ...fields, reason: error.reason });
        return;
      }
      report.failed.push(subscription.id);
      const failures = subscription.failures + 1;
      if (failures < MAX_ATTEMPTS) {
        // Give the slot back: the next tick tries again.
        subscriptions.release(subscription.id, subscription.nextDueAt, failures);
        log.error('digest: post failed, will retry', { ...fields, error, attempt: failures });
      } else {
        subscriptions.resetFailures(subscription.id);
        log.error('digest: post failed, skipped to the next scheduled time', { ...fields, error, next: next.toISOString() });
      }
    }
  }

  /** Posts a recap of what the channel asked since its last one (a quiet channel gets no post). */
  private async deliverRecap(subscription: Subscription, dueAt: Date, now: Date, sources: string[]): Promise<void> {
    const since = subscription.lastSentAt ? new Date(subscription.lastSentAt) : periodStart(subscription, now);
    const summary = await this.options.recap!(subscription, since, now);
    const slots = slotsBetween(subscription, dueAt, now);
    if (summary.answered) {
      const note = digestNote(subscription, slots, [], summary);
      await this.options.poster.post(subscription, { summary: { ...summary, note }, scheduledFor: dueAt, slots, newSources: [] });
    } else {
      log.info('digest: recap skipped, the channel asked nothing', { subscription: subscription.id });
    }
    this.options.subscriptions.recordSent(subscription.id, { at: now, themes: [], quotes: [], sources });
  }
}

/** A day or a week before `until`: the period a recap covers when the channel has had none yet. */
function periodStart(subscription: Subscription, until: Date): Date {
  const days = subscription.every === 'daily' ? 1 : 7;
  return new Date(until.getTime() - days * 24 * 3600_000);
}

/** What a platform adds to the core to run its digests: who it is, how it posts, and test hooks. */
export interface PlatformDigestOptions {
  platform: DigestPlatform;
  poster: DigestPoster;
  core: Pick<GomezCore, 'summarize' | 'corpus' | 'quotes' | 'guestName'>;
  store: Store;
  clock?: () => Date;
  intervalMs?: number;
}

/** The digest runner of one platform, summarising with the core and keeping subscriptions in the store. */
export function digestRunnerFor(options: PlatformDigestOptions): DigestRunner {
  const { core } = options;
  return new DigestRunner({
    platform: options.platform,
    subscriptions: new SubscriptionStore(options.store),
    poster: options.poster,
    summarize: (o) => core.summarize(o),
    recap: (subscription, since, until) =>
      buildRecap(core, channelQuestions(options.store, subscription, since, until), { period: periodWords(since, until) }),
    sources: () => core.corpus.sources.map((s) => ({ id: s.meta.id, title: s.meta.title })),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
  });
}
