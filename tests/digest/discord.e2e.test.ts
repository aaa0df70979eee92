import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDigestRunner, discordDigestPoster } from '../../src/adapters/discord/digest-poster.ts';
import { verifyQuote } from '../../src/answer/verify.ts';
import type { GomezCore } from '../../src/core.ts';
import type { DigestRunner } from '../../src/digest/runner.ts';
import type { DigestStore } from '../../src/store/state.ts';
import { createSummarizer } from '../../src/summary/summarizer.ts';
import { fakeUser, slashCommand } from '../fakes/discord/payloads.ts';
import { snowflake } from '../fakes/discord/snowflake.ts';
import { coreDouble, loadRepoCorpus } from '../adapters/discord/core-double.ts';
import { bodyOf, isCallback, isOriginalEdit, startTestBot, type TestBot } from '../adapters/discord/harness.ts';
import { FakeClock, HOUR } from './helpers.ts';
import { GUEST, keywordQuotes } from '../summary/helpers.ts';

const MANAGE = String(PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
const MEMBER = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);

describe('Discord digests (real discord.js client, local fake Discord)', () => {
  let t: TestBot;
  let core: GomezCore;
  let runner: DigestRunner;
  let subscriptions: DigestStore;
  const clock = new FakeClock(new Date());
  const mod = fakeUser('moderator');
  const member = fakeUser('member');
  const general = snowflake();
  const kicked = snowflake();
  const other = snowflake();

  beforeAll(async () => {
    const corpus = loadRepoCorpus();
    const summarize = createSummarizer({
      corpus,
      guestName: GUEST.name,
      quotesOn: keywordQuotes(corpus),
      verify: (q) => verifyQuote(q, corpus, GUEST).ok,
    });
    core = coreDouble(corpus, { summarize });
    t = await startTestBot(core);
    subscriptions = t.store.digests;
    runner = createDiscordDigestRunner({ client: t.bot.client, core, store: t.store, clock: clock.now });
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
  });

  /** Runs `/gomez digest <sub> …` as `user` with the given member permissions; resolves with the reply text. */
  async function digestCommand(sub: string, options: Record<string, string>, user: typeof mod, permissions: string, channelId: string) {
    const base = slashCommand(t.fake, { group: 'digest', subcommand: sub, options, user, channelId });
    if (!('member' in base)) throw new Error('expected a guild interaction');
    const interaction = { ...base, member: { ...base.member, permissions }, channel: { ...base.channel, permissions } };
    t.fake.dispatchInteraction(interaction);
    const callback = bodyOf(await t.fake.waitForCall(isCallback(interaction)));
    if (callback.type === 4) return { ephemeral: (callback.data.flags & 64) === 64, content: String(callback.data.content) };
    expect(callback).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = bodyOf(await t.fake.waitForCall(isOriginalEdit(interaction)));
    expect(edit.allowed_mentions).toMatchObject({ parse: [] });
    return { ephemeral: true, content: String(edit.content) };
  }

  const postsTo = (channelId: string) =>
    t.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);

  it('a member with Manage Channels subscribes the channel; the reply is private', async () => {
    const reply = await digestCommand('subscribe', { every: 'daily', time: '09:00', timezone: 'Europe/London' }, mod, MANAGE, general);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^Subscribed: this channel gets a daily at 09:00 \(Europe\/London\) digest/);
    expect((await subscriptions.forChannel('discord', general))).toMatchObject({ every: 'daily', time: '09:00', timezone: 'Europe/London', active: true });
  });

  it('a member without Manage Channels cannot subscribe or unsubscribe', async () => {
    const reply = await digestCommand('subscribe', { every: 'daily', time: '08:00' }, member, MEMBER, other);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/Manage Channels/);
    expect((await subscriptions.forChannel('discord', other))).toBeUndefined();
    const off = await digestCommand('unsubscribe', {}, member, MEMBER, general);
    expect(off.content).toMatch(/Manage Channels/);
    expect((await subscriptions.forChannel('discord', general))).toBeDefined();
  });

  it('rejects an unknown time zone', async () => {
    const reply = await digestCommand('subscribe', { every: 'daily', time: '09:00', timezone: 'Moon/Base' }, mod, MANAGE, other);
    expect(reply.content).toMatch(/not a time zone/);
    expect((await subscriptions.forChannel('discord', other))).toBeUndefined();
  });

  it('posts the digest for everyone at the due time: an embed of verbatim Gomez quotes, no pings', async () => {
    const due = new Date((await subscriptions.forChannel('discord', general))!.nextDueAt);
    clock.set(new Date(due.getTime() - 60_000).toISOString());
    await runner.tick();
    expect(postsTo(general)).toHaveLength(0);
    clock.set(due.toISOString());
    await runner.tick();
    await runner.tick();
    const posts = postsTo(general);
    expect(posts).toHaveLength(1);
    const body = bodyOf(posts[0]!);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const embed = body.embeds[0];
    expect(embed.description).toMatch(/^Daily digest\./);
    expect(embed.fields.length).toBeGreaterThanOrEqual(5);
    const text = JSON.stringify(embed);
    const summary = await core.summarize({});
    // What the channel got comes from verified guest quotes (the first theme's first quote is shown).
    expect(text).toContain(summary.themes[0]!.quotes[0]!.text.slice(0, 20));
  });

  it('a channel that answers Missing Access disables only its own subscription', async () => {
    await digestCommand('subscribe', { every: 'daily', time: '09:00', timezone: 'Europe/London' }, mod, MANAGE, kicked);
    t.fake.makeChannelUnreachable(kicked);
    const due = new Date((await subscriptions.forChannel('discord', general))!.nextDueAt);
    expect(new Date((await subscriptions.forChannel('discord', kicked))!.nextDueAt).getTime()).toBeLessThanOrEqual(due.getTime());
    clock.set(new Date(due.getTime() + HOUR).toISOString());
    const report = await runner.tick();
    expect(report.disabled).toEqual([(await subscriptions.forChannel('discord', kicked))!.id]);
    expect(postsTo(general)).toHaveLength(2);
    expect((await subscriptions.forChannel('discord', kicked))).toMatchObject({ active: false });
    expect((await subscriptions.forChannel('discord', kicked))!.disabledReason).toMatch(/403/);
    expect((await subscriptions.forChannel('discord', general))!.active).toBe(true);
    // The two digests the channel got share no quote (rotation).
    const [first, second] = postsTo(general).map((c) => bodyOf(c).embeds[0].fields.map((f: { value: string }) => f.value).join('\n'));
    const firstQuotes = (await core.summarize({})).themes.flatMap((th) => th.quotes.map((q) => q.text));
    for (const quote of firstQuotes.filter((q) => first!.includes(q))) expect(second).not.toContain(quote);
  });

  it('lists the server\'s digests, then unsubscribing stops them', async () => {
    const list = await digestCommand('list', {}, member, MEMBER, general);
    expect(list.content).toContain(`<#${general}>`);
    expect(list.content).toMatch(/paused/);
    const off = await digestCommand('unsubscribe', {}, mod, MANAGE, general);
    expect(off.content).toMatch(/^Unsubscribed/);
    clock.advance(3 * 24 * HOUR);
    await runner.tick();
    expect(postsTo(general)).toHaveLength(2);
  });

  it('a replica that died after posting leaves its slot to another, whose repeat post Discord drops by nonce', async () => {
    const channel = snowflake();
    const sub = await subscriptions.upsert({
      platform: 'discord', channelId: channel, workspaceId: 'g', subscriberId: mod.id, every: 'daily', time: '09:00',
      timezone: 'UTC', weekday: null, topic: null, nextDueAt: clock.now().toISOString(), seenSources: [],
    });
    // The dead replica claimed the slot and posted it, then died before recording the post.
    const slot = await subscriptions.claimSlot({ subscription: sub, nextDueAt: new Date(clock.now().getTime() + 24 * HOUR).toISOString(), owner: 'dead', leaseMs: 60_000 }, clock.now());
    expect(slot).toBeDefined();
    await discordDigestPoster(t.bot.client, core).post(sub, { summary: await core.summarize({}), scheduledFor: new Date(slot!.slot), slots: 1, newSources: [], nonce: slot!.nonce });
    // Within the lease nobody touches it; once it runs out, the next tick of a live replica finishes it.
    expect((await runner.tick()).recovered).toEqual([]);
    clock.advance(2 * 60_000);
    expect((await runner.tick()).recovered).toEqual([sub.id]);
    const calls = postsTo(channel);
    expect(calls).toHaveLength(2);
    for (const call of calls) expect(bodyOf(call)).toMatchObject({ nonce: slot!.nonce, enforce_nonce: true });
    expect([...t.fake.messages.values()].filter((m) => m.channel_id === channel)).toHaveLength(1);
    expect(await subscriptions.get(sub.id)).toMatchObject({ lastSentAt: clock.now().toISOString() });
    clock.advance(60 * 60_000);
    await runner.tick();
    expect(postsTo(channel)).toHaveLength(2);
  });
});
