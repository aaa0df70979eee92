import { DateTime } from 'luxon';
import type { GomezCore } from '../core.ts';
import { GomezError, InputError } from '../errors.ts';
import { log } from '../log.ts';
import type { DigestStore } from '../store/state.ts';
import type { DigestPlatform, Subscription } from '../store/subscriptions.ts';
import { describeSchedule, nextOccurrence, parseFrequency, parseTime, parseTimezone, weekdayOf, type Schedule } from './schedule.ts';

/**
 * The digest commands (subscribe, list, unsubscribe), written once for every platform. Adapters parse
 * their platform's options, decide whether the caller may manage the channel, and show the returned text.
 */
export interface DigestCommandDeps {
  /** The store's digests (SQLite or PostgreSQL). */
  subscriptions: DigestStore;
  core: Pick<GomezCore, 'summarize' | 'corpus'>;
  clock?: () => Date;
}

/** Who is asking, in which channel. `canManage`: Discord Manage Channels, Slack workspace admin/owner. */
export interface DigestActor {
  platform: DigestPlatform;
  channelId: string;
  workspaceId: string | null;
  userId: string;
  canManage: boolean;
}

export interface SubscribeOptions {
  every: string;
  time: string;
  timezone?: string | null;
  topic?: string | null;
  /** 'recap': the channel's recap of what it asked, instead of the digest of the interviews. */
  kind?: 'summary' | 'recap';
}

/** The caller may not change this channel's digest. */
export class NotAllowedError extends GomezError {
  constructor(userMessage: string) {
    super('digest change not allowed', userMessage);
  }
}

const MAX_TOPIC = 200;

/**
 * Discord: members with Manage Channels. Slack: workspace admins and owners, and the person who set
 * the channel's digest up (anyone may set one up where there is none).
 */
export function mayChange(actor: DigestActor, existing: Subscription | undefined): boolean {
  if (actor.canManage) return true;
  return actor.platform === 'slack' && (existing === undefined || existing.subscriberId === actor.userId);
}

function refuse(actor: DigestActor): never {
  throw new NotAllowedError(
    actor.platform === 'discord'
      ? "Only members who can manage this channel (Manage Channels) can change its digest."
      : "Only the person who set up this channel's digest, or a workspace admin, can change it.",
  );
}

function nextLocal(subscription: Subscription): string {
  return DateTime.fromISO(subscription.nextDueAt, { zone: subscription.timezone }).setLocale('en').toFormat('ccc d LLL yyyy, HH:mm ZZZZ');
}

function describe(subscription: Subscription): string {
  if (subscription.kind === 'recap') return `${describeSchedule(subscription)} recap of what this channel asked`;
  const about = subscription.topic ? `on "${subscription.topic}"` : 'of the interviews';
  return `${describeSchedule(subscription)} digest ${about}`;
}

/**
 * The quick checks of a subscription (permission, frequency, time, zone), without asking the core: an
 * adapter runs them before acknowledging, so a refusal is an immediate reply.
 */
export async function checkSubscribe(deps: DigestCommandDeps, actor: DigestActor, options: SubscribeOptions) {
  const existing = await deps.subscriptions.forChannel(actor.platform, actor.channelId);
  if (!mayChange(actor, existing)) refuse(actor);
  return {
    existing,
    every: parseFrequency(options.every),
    time: parseTime(options.time),
    timezone: parseTimezone(options.timezone),
    topic: options.topic?.trim() ? options.topic.trim().slice(0, MAX_TOPIC) : null,
  };
}

export async function subscribe(deps: DigestCommandDeps, actor: DigestActor, options: SubscribeOptions): Promise<string> {
  const checked = await checkSubscribe(deps, actor, options);
  const { existing, every, time, timezone } = checked;
  const kind = options.kind ?? 'summary';
  // A recap is of the channel's questions, not of a topic.
  const topic = kind === 'recap' ? null : checked.topic;
  if (topic !== null) {
    // A topic the corpus does not cover would post a refusal every day: say so now instead.
    const probe = await deps.core.summarize({ topic });
    if (!probe.answered) throw new InputError(probe.note ?? `The interviews don't cover "${topic}".`);
  }

  const now = (deps.clock ?? (() => new Date()))();
  const daily: Schedule = { every: 'daily', time, timezone, weekday: null };
  const first = nextOccurrence(daily, now);
  const schedule: Schedule = { every, time, timezone, weekday: every === 'weekly' ? weekdayOf(first, timezone) : null };
  const subscription = await deps.subscriptions.upsert(
    {
      ...schedule,
      platform: actor.platform,
      channelId: actor.channelId,
      workspaceId: actor.workspaceId,
      subscriberId: actor.userId,
      topic,
      kind,
      nextDueAt: nextOccurrence(schedule, now).toISOString(),
      seenSources: deps.core.corpus.sources.map((s) => s.meta.id),
    },
    now,
  );
  log.info('digest: subscribed', { platform: actor.platform, channel: actor.channelId, user: actor.userId, every, time, timezone });
  const verb = existing ? 'Updated' : 'Subscribed';
  return `${verb}: this channel gets a ${describe(subscription)}. Next one: ${nextLocal(subscription)}.`;
}

export async function unsubscribe(deps: DigestCommandDeps, actor: DigestActor): Promise<string> {
  const existing = await deps.subscriptions.forChannel(actor.platform, actor.channelId);
  if (!existing) return 'This channel has no digest subscription.';
  if (!mayChange(actor, existing)) refuse(actor);
  await deps.subscriptions.remove(actor.platform, actor.channelId);
  log.info('digest: unsubscribed', { platform: actor.platform, channel: actor.channelId, user: actor.userId });
  return 'Unsubscribed: this channel gets no more scheduled digests.';
}

/** How a platform writes a channel link, and makes other text safe to show (no pings, no markup). */
export interface ListFormat {
  channel(id: string): string;
  text(s: string): string;
}

/** The workspace's digests (this channel's first), as text already made safe with `format`. */
export async function listSubscriptions(deps: DigestCommandDeps, actor: DigestActor, format: ListFormat): Promise<string> {
  // Without a workspace (a DM) only this conversation's digest is shown: never other servers' channels.
  const all = actor.workspaceId ? await deps.subscriptions.list(actor.platform, actor.workspaceId) : [];
  const here = await deps.subscriptions.forChannel(actor.platform, actor.channelId);
  const subscriptions = [...(here ? [here] : []), ...all.filter((s) => s.id !== here?.id)];
  if (subscriptions.length === 0) {
    return format.text('No digest subscriptions yet. Set one up with /gomez digest subscribe (daily or weekly, a time, a time zone).');
  }
  const lines = subscriptions.map((s) => {
    const state = s.active ? `next ${nextLocal(s)}` : `paused: ${s.disabledReason ?? 'cannot post there'} (subscribe again to resume)`;
    return `• ${format.channel(s.channelId)}: ${format.text(`${describe(s)}; ${state}`)}`;
  });
  return [here ? '' : format.text('This channel has no digest.'), ...lines].filter(Boolean).join('\n');
}
