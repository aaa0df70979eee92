import type { Summary } from '../answer/types.ts';
import type { GomezCore, SummarizeOptions } from '../core.ts';
import { log } from '../log.ts';
import { channelQuestions } from '../store/channel-questions.ts';
import { REPLICA_ID } from '../store/replica.ts';
import type { DigestSlot, DigestStore, StateStore } from '../store/state.ts';
import type { DigestPlatform, Subscription } from '../store/subscriptions.ts';
import { digestNote } from './note.ts';
import { buildRecap, periodWords } from './recap.ts';
import { ChannelGoneError, type DigestPoster } from './poster.ts';
import { nextOccurrence, slotsBetween } from './schedule.ts';

export interface DigestRunnerOptions {
  platform: DigestPlatform;
  /** Subscriptions and slot claims: SQLite or PostgreSQL, shared by every replica in the latter. */
  digests: DigestStore;
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
  /** This replica's name on slot leases (default: host, pid, random). */
  owner?: string;
  /** How long a claimed slot stays this replica's before another may finish it (default five minutes). */
  leaseMs?: number;
}

/** What one pass did, for logs and tests. */
export interface TickReport {
  posted: string[];
  disabled: string[];
  failed: string[];
  /** Slots another replica claimed and never finished, taken over by this one. */
  recovered: string[];
}

/** Attempts at one digest before it is skipped to the next scheduled time (a passing outage is retried). */
export const MAX_ATTEMPTS = 3;

/** Longer than the slowest summary plus post (model mode's budget is 20 s by default). */
export const DEFAULT_SLOT_LEASE_MS = 5 * 60_000;

/** Slots recovered per pass at most: the rest wait for the next pass. */
const RECOVER_PER_PASS = 50;

/**
 * Posts the digests that are due, on every replica at once without doubling any. Each due slot is
 * claimed first: in one transaction the subscription's schedule moves on (compare-and-set) and a leased
 * delivery row is written. Then it is summarised, posted (Discord with a nonce the API enforces) and
 * marked done with what it showed. A replica that dies in between leaves a lease that runs out; the next
 * pass of any replica takes the slot over. Downtime of several slots yields one catch-up digest.
 */
export class DigestRunner {
  private readonly clock: () => Date;
  private readonly owner: string;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickReport> | undefined;

  constructor(private readonly options: DigestRunnerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.owner = options.owner ?? REPLICA_ID;
    this.leaseMs = options.leaseMs ?? DEFAULT_SLOT_LEASE_MS;
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
    const report: TickReport = { posted: [], disabled: [], failed: [], recovered: [] };
    const { digests, platform } = this.options;
    const now = this.clock();
    for (const slot of await digests.takeExpiredSlots(platform, this.owner, this.leaseMs, RECOVER_PER_PASS, now)) {
      const subscription = await digests.get(slot.subscriptionId);
      if (!subscription) continue;
      report.recovered.push(slot.subscriptionId);
      log.warn('digest: finishing a slot another replica left unfinished', { subscription: slot.subscriptionId, slot: slot.slot, attempts: slot.attempts });
      await this.deliver(subscription, slot, now, report);
    }
    for (const subscription of await digests.due(platform, now)) {
      const next = nextOccurrence(subscription, now);
      const slot = await digests.claimSlot({ subscription, nextDueAt: next.toISOString(), owner: this.owner, leaseMs: this.leaseMs }, now);
      if (slot) await this.deliver(subscription, slot, now, report);
    }
    return report;
  }

  private async deliver(subscription: Subscription, slot: DigestSlot, now: Date, report: TickReport): Promise<void> {
    const { digests } = this.options;
    const dueAt = new Date(slot.slot);
    const fields = { subscription: subscription.id, platform: subscription.platform, channel: subscription.channelId };
    try {
      const corpusSources = this.options.sources();
      const sources = corpusSources.map((s) => s.id);
      // Sources added since the channel subscribed or got its last digest lead the next one.
      const newSources = subscription.lastSentAt === null && subscription.seenSources.length === 0
        ? []
        : sources.filter((id) => !subscription.seenSources.includes(id));
      if (subscription.kind === 'recap' && this.options.recap) {
        await this.deliverRecap(subscription, slot, now, sources);
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
      await this.options.poster.post(subscription, { summary: { ...summary, note }, scheduledFor: dueAt, slots, newSources, nonce: slot.nonce });
      const recorded = await digests.completeSlot(slot, {
        at: now,
        themes: summary.themes.map((t) => t.title),
        quotes: summary.themes.flatMap((t) => t.quotes.map((q) => q.text)),
        sources,
      });
      if (!recorded) log.warn('digest: lease lost before recording the post (another replica took the slot over)', fields);
      report.posted.push(subscription.id);
      log.info('digest: posted', { ...fields, scheduledFor: dueAt.toISOString(), slots });
    } catch (error) {
      if (error instanceof ChannelGoneError) {
        await digests.disable(slot, error.reason);
        report.disabled.push(subscription.id);
        log.warn('digest: channel unreachable, subscription disabled', { ...fields, reason: error.reason });
        return;
      }
      report.failed.push(subscription.id);
      const failures = subscription.failures + 1;
      if (failures < MAX_ATTEMPTS) {
        // Give the slot back: the next tick tries again.
        await digests.releaseSlot(slot, failures);
        log.error('digest: post failed, will retry', { ...fields, error, attempt: failures });
      } else {
        await digests.skipSlot(slot);
        log.error('digest: post failed, skipped to the next scheduled time', { ...fields, error });
      }
    }
  }

  /**
   * Posts a recap of what the channel asked since its last one (a quiet channel gets no post). The slot
   * is claimed like a digest's, so one replica posts it, and it is recorded done even when nothing was
   * posted: the recap's period then starts after it.
   */
  private async deliverRecap(subscription: Subscription, slot: DigestSlot, now: Date, sources: string[]): Promise<void> {
    const dueAt = new Date(slot.slot);
    const since = subscription.lastSentAt ? new Date(subscription.lastSentAt) : periodStart(subscription, now);
    const summary = await this.options.recap!(subscription, since, now);
    const slots = slotsBetween(subscription, dueAt, now);
    if (summary.answered) {
      const note = digestNote(subscription, slots, [], summary);
      await this.options.poster.post(subscription, { summary: { ...summary, note }, scheduledFor: dueAt, slots, newSources: [], nonce: slot.nonce });
    } else {
      log.info('digest: recap skipped, the channel asked nothing', { subscription: subscription.id });
    }
    const recorded = await this.options.digests.completeSlot(slot, { at: now, themes: [], quotes: [], sources });
    if (!recorded) log.warn('digest: lease lost before recording the recap (another replica took the slot over)', { subscription: subscription.id });
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
  /** The adapter's state store (SQLite or PostgreSQL). */
  store: StateStore;
  clock?: () => Date;
  intervalMs?: number;
  leaseMs?: number;
  /**
   * Conversation keys carry the subscription's workspace (Slack installed into many workspaces), so a
   * recap reads only that workspace's questions.
   */
  keysByWorkspace?: boolean;
}

/** The digest runner of one platform, summarising with the core and keeping subscriptions in the store. */
export function digestRunnerFor(options: PlatformDigestOptions): DigestRunner {
  const { core } = options;
  return new DigestRunner({
    platform: options.platform,
    digests: options.store.digests,
    poster: options.poster,
    summarize: (o) => core.summarize(o),
    recap: async (subscription, since, until) =>
      buildRecap(core, await channelQuestions(options.store.conversations, recapPlace(subscription, options.keysByWorkspace), since, until), {
        period: periodWords(since, until),
      }),
    sources: () => core.corpus.sources.map((s) => ({ id: s.meta.id, title: s.meta.title })),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
  });
}

/** Where a recap subscription's questions were logged (see channelQuestions). */
function recapPlace(subscription: Subscription, keysByWorkspace = false): { platform: DigestPlatform; channelId: string; workspace?: string } {
  const where = { platform: subscription.platform, channelId: subscription.channelId };
  return keysByWorkspace && subscription.workspaceId ? { ...where, workspace: subscription.workspaceId } : where;
}
