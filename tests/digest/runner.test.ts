import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSubscriptions, NotAllowedError, subscribe, unsubscribe, type DigestActor } from '../../src/digest/commands.ts';
import { DigestRunner, MAX_ATTEMPTS } from '../../src/digest/runner.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { FakeClock, HOUR, MINUTE, RecordingPoster, recordingSummarizer } from './helpers.ts';
import { TempStore } from './temp-store.ts';

const corpus = { dir: '', sources: [{ meta: { id: 'seed' } }], passages: [], hash: '' } as unknown as Corpus;

function actor(channelId: string, canManage = true): DigestActor {
  return { platform: 'discord', channelId, workspaceId: 'guild-1', userId: 'u-admin', canManage };
}

describe('digest runner', () => {
  let temp: TempStore;
  let clock: FakeClock;
  let poster: RecordingPoster;
  let summarizer: ReturnType<typeof recordingSummarizer>;
  let sources: string[];

  const runner = () =>
    new DigestRunner({
      platform: 'discord',
      digests: temp.subscriptions,
      poster,
      summarize: (o) => summarizer.summarize(o),
      sources: () => sources.map((id) => ({ id, title: `Episode ${id}` })),
      clock: clock.now,
    });
  const deps = () => ({ subscriptions: temp.subscriptions, core: { corpus, summarize: summarizer.summarize }, clock: clock.now });

  /** Ticks every `step` from now until `until`, like the real interval would. */
  async function runUntil(r: DigestRunner, until: string, step = 15 * MINUTE): Promise<void> {
    const end = new Date(until).getTime();
    while (clock.now().getTime() < end) {
      clock.advance(step);
      await r.tick();
    }
  }

  beforeEach(async () => {
    temp = await TempStore.create();
    clock = new FakeClock(new Date('2026-03-26T12:00:00Z'));
    poster = new RecordingPoster(clock);
    summarizer = recordingSummarizer();
    sources = ['seed'];
  });
  afterEach(() => temp.dispose());

  it('posts a daily digest once a day at 09:00 London time across the March DST change', async () => {
    await subscribe(deps(), actor('c1'), { every: 'daily', time: '09:00', timezone: 'Europe/London' });
    await runUntil(runner(), '2026-04-01T00:00:00Z');
    expect(poster.to('c1')).toEqual([
      '2026-03-27T09:00:00.000Z',
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
    ]);
    expect(poster.posts.every((p) => p.digest.slots === 1)).toBe(true);
  });

  it('posts at 09:00 London time across the October DST change', async () => {
    clock.set('2026-10-23T12:00:00Z');
    await subscribe(deps(), actor('c1'), { every: 'daily', time: '09:00', timezone: 'Europe/London' });
    await runUntil(runner(), '2026-10-27T00:00:00Z');
    expect(poster.to('c1')).toEqual(['2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-26T09:00:00.000Z']);
  });

  it('a restart in between neither loses nor duplicates a digest', async () => {
    await subscribe(deps(), actor('c1'), { every: 'daily', time: '09:00', timezone: 'Europe/London' });
    await runUntil(runner(), '2026-03-27T09:00:00Z');
    expect(poster.to('c1')).toEqual(['2026-03-27T09:00:00.000Z']);
    // Restart right after posting, at the same instant: the new process must not post that slot again.
    await temp.restart();
    const second = runner();
    await second.tick();
    expect(poster.to('c1')).toHaveLength(1);
    // Down from 12:00 until 08:45 the next day: nothing is missed, the 09:00 digest comes once.
    clock.set('2026-03-28T08:45:00Z');
    await temp.restart();
    await runUntil(runner(), '2026-03-29T12:00:00Z');
    expect(poster.to('c1')).toEqual(['2026-03-27T09:00:00.000Z', '2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z']);
  });

  it('three days of downtime yield one catch-up digest, then the normal schedule', async () => {
    await subscribe(deps(), actor('c1'), { every: 'daily', time: '09:00', timezone: 'UTC' });
    await runUntil(runner(), '2026-03-27T10:00:00Z');
    expect(poster.to('c1')).toHaveLength(1);
    // The bot is down for three days and comes back at 15:00.
    clock.set('2026-03-30T15:00:00Z');
    await temp.restart();
    const r = runner();
    await r.tick();
    await r.tick();
    expect(poster.to('c1')).toEqual(['2026-03-27T09:00:00.000Z', '2026-03-30T15:00:00.000Z']);
    const catchUp = poster.posts[1]!.digest;
    expect(catchUp.slots).toBe(3); // the 28th, 29th and 30th, folded into one
    expect(catchUp.scheduledFor.toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(catchUp.summary.note).toMatch(/offline for 3 scheduled digests/);
    await runUntil(r, '2026-03-31T10:00:00Z');
    expect(poster.to('c1').slice(2)).toEqual(['2026-03-31T09:00:00.000Z']);
  });

  it('unsubscribing stops the digests', async () => {
    await subscribe(deps(), actor('c1'), { every: 'daily', time: '09:00', timezone: 'UTC' });
    const r = runner();
    await runUntil(r, '2026-03-27T10:00:00Z');
    expect(await unsubscribe(deps(), actor('c1'))).toMatch(/Unsubscribed/);
    await runUntil(r, '2026-03-30T10:00:00Z');
    expect(poster.to('c1')).toEqual(['2026-03-27T09:00:00.000Z']);
  });

  it('a channel the bot cannot post to disables only its own subscription', async () => {
    await subscribe(deps(), actor('gone'), { every: 'daily', time: '09:00', timezone: 'UTC' });
    await subscribe(deps(), actor('fine'), { every: 'daily', time: '09:00', timezone: 'UTC' });
    poster.gone.add('gone');
    const r = runner();
    await runUntil(r, '2026-03-29T10:00:00Z');
    expect(poster.to('fine')).toHaveLength(3);
    expect(poster.to('gone')).toHaveLength(0);
    const gone = (await temp.subscriptions.forChannel('discord', 'gone'))!;
    expect(gone.active).toBe(false);
    expect(gone.disabledReason).toBe('not_in_channel');
    expect((await temp.subscriptions.forChannel('discord', 'fine'))!.active).toBe(true);
    // Subscribing again re-enables it.
    poster.gone.delete('gone');
    await subscribe(deps(), actor('gone'), { every: 'daily', time: '09:00', timezone: 'UTC' });
    await runUntil(r, '2026-03-30T10:00:00Z');
    expect(poster.to('gone')).toEqual(['2026-03-30T09:00:00.000Z']);
  });

  it('retries a passing failure on the next tick, and skips the slot after repeated failures', async () => {
    await subscribe(deps(), actor('c1'), { every: 'daily', time: '09:00', timezone: 'UTC' });
    poster.flaky.add('c1');
    const r = runner();
    await runUntil(r, '2026-03-27T09:00:00Z');
    expect((await temp.subscriptions.forChannel('discord', 'c1'))!.failures).toBe(1);
    poster.flaky.delete('c1');
    await runUntil(r, '2026-03-27T09:15:00Z');
    expect(poster.to('c1')).toEqual(['2026-03-27T09:15:00.000Z']);

    poster.flaky.add('c1');
    await runUntil(r, '2026-03-28T12:00:00Z');
    expect(poster.to('c1')).toHaveLength(1);
    const sub = (await temp.subscriptions.forChannel('discord', 'c1'))!;
    expect(sub.nextDueAt).toBe('2026-03-29T09:00:00.000Z');
    expect(summarizer.calls.length).toBe(2 + MAX_ATTEMPTS); // one failure, one success, then MAX_ATTEMPTS failures
  });

  it('passes the previous digest for rotation and new sources to lead with', async () => {
    await subscribe(deps(), actor('c1'), { every: 'daily', time: '09:00', timezone: 'UTC' });
    const r = runner();
    await runUntil(r, '2026-03-27T10:00:00Z');
    expect(summarizer.calls[0]).toMatchObject({ topic: null, avoidThemes: [], leadSources: [] });
    sources = ['seed', 'new-episode'];
    await runUntil(r, '2026-03-28T10:00:00Z');
    expect(summarizer.calls[1]).toMatchObject({ avoidThemes: ['Theme 1'], leadSources: ['new-episode'] });
    expect(poster.posts[1]!.digest.newSources).toEqual(['new-episode']);
    expect(poster.posts[1]!.digest.summary.note).toContain('New since the last digest: Episode new-episode.');
    await runUntil(r, '2026-03-29T10:00:00Z');
    expect(summarizer.calls[2]).toMatchObject({ avoidThemes: ['Theme 2'], leadSources: [] });
  });

  it('a weekly digest fires once a week', async () => {
    await subscribe(deps(), actor('c1'), { every: 'weekly', time: '09:00', timezone: 'Europe/Paris' });
    await runUntil(runner(), '2026-04-10T00:00:00Z', HOUR);
    expect(poster.to('c1')).toEqual(['2026-03-27T08:00:00.000Z', '2026-04-03T07:00:00.000Z']);
  });

  it('two runners on one store post a slot once', async () => {
    await subscribe(deps(), actor('c1'), { every: 'daily', time: '09:00', timezone: 'UTC' });
    clock.set('2026-03-27T09:00:00Z');
    const [a, b] = [runner(), runner()];
    await Promise.all([a.tick(), b.tick()]);
    expect(poster.to('c1')).toHaveLength(1);
  });
});

describe('digest commands', () => {
  it('Discord: only members with Manage Channels may subscribe; Slack: the subscriber or an admin', async () => {
    const temp = await TempStore.create();
    try {
      const clock = new FakeClock(new Date('2026-03-26T12:00:00Z'));
      const summarizer = recordingSummarizer();
      const deps = { subscriptions: temp.subscriptions, core: { corpus, summarize: summarizer.summarize }, clock: clock.now };
      const options = { every: 'daily', time: '09:00' };
      await expect(subscribe(deps, actor('c1', false), options)).rejects.toThrow(NotAllowedError);
      expect((await temp.subscriptions.forChannel('discord', 'c1'))).toBeUndefined();

      const slack = (userId: string, canManage = false): DigestActor => ({ platform: 'slack', channelId: 'C1', workspaceId: 'T1', userId, canManage });
      await subscribe(deps, slack('UALICE'), options);
      await expect(subscribe(deps, slack('UBOB'), { ...options, time: '10:00' })).rejects.toThrow(NotAllowedError);
      await expect(unsubscribe(deps, slack('UBOB'))).rejects.toThrow(NotAllowedError);
      expect((await temp.subscriptions.forChannel('slack', 'C1'))).toMatchObject({ time: '09:00', subscriberId: 'UALICE' });
      expect(await subscribe(deps, slack('UADMIN', true), { ...options, time: '10:00' })).toMatch(/^Updated/);
      // The admin's replacement makes the admin the subscriber: Alice may no longer change it.
      await expect(unsubscribe(deps, slack('UALICE'))).rejects.toThrow(NotAllowedError);
    } finally {
      await temp.dispose();
    }
  });

  it('lists only this workspace\'s digests, and in a DM only the DM\'s own', async () => {
    const temp = await TempStore.create();
    try {
      const summarizer = recordingSummarizer();
      const deps = { subscriptions: temp.subscriptions, core: { corpus, summarize: summarizer.summarize } };
      await subscribe(deps, actor('c1'), { every: 'daily', time: '09:00', timezone: 'Asia/Tokyo', topic: 'robots <@everyone>' });
      await subscribe(deps, { ...actor('other-guild-channel'), workspaceId: 'guild-2' }, { every: 'weekly', time: '09:00' });
      const format = { channel: (id: string) => `#${id}`, text: (t: string) => t.replace(/</g, '&lt;') };
      const inGuild = await listSubscriptions(deps, actor('c2'), format);
      expect(inGuild).toContain('#c1: daily at 09:00 (Asia/Tokyo) digest on "robots &lt;@everyone>"');
      expect(inGuild).not.toContain('other-guild-channel');
      const inDm = await listSubscriptions(deps, { ...actor('dm-1'), workspaceId: null }, format);
      expect(inDm).toMatch(/No digest subscriptions yet/);
    } finally {
      await temp.dispose();
    }
  });
});
