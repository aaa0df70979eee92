import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDigestRunner } from '../../../src/adapters/discord/digest-poster.ts';
import type { GomezCore } from '../../../src/core.ts';
import type { Corpus } from '../../../src/corpus/types.ts';
import { FakeClock } from '../../digest/helpers.ts';
import { autocomplete, buttonPress, fakeUser, slashCommand } from '../../fakes/discord/payloads.ts';
import { snowflake } from '../../fakes/discord/snowflake.ts';
import { testCore } from './core-double.ts';
import { bodyOf, isOriginalEdit, quotedTexts } from './harness.ts';
import { startHttpTestBot, type HttpTestBot } from './http-harness.ts';

const MANAGE = String(PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);

function isGuestText(corpus: Corpus, text: string): boolean {
  return corpus.passages.some((p) => p.role === 'guest' && p.speaker === 'Aidan Gomez' && p.text.includes(text));
}

describe('Discord HTTP interactions mode (signed requests to /discord/interactions, REST follow-ups, no gateway)', () => {
  let t: HttpTestBot;
  let core: GomezCore;
  const alice = fakeUser('alice');

  beforeAll(async () => {
    core = await testCore();
    t = await startHttpTestBot(core);
  });
  afterAll(async () => t?.close());

  async function ask(question: string) {
    const interaction = slashCommand(t.fake, { subcommand: 'ask', options: { question }, user: alice });
    const answer = await t.fake.postInteraction(t.endpoint, interaction);
    const edit = await t.fake.waitForCall(isOriginalEdit(interaction));
    return { interaction, answer, edit: bodyOf(edit) };
  }

  it('answers PING with PONG, checked the bot token once, and never connects to the gateway', async () => {
    const ping = { id: snowflake(), token: 'ping-token', type: 1, application_id: t.fake.applicationId, version: 1 };
    const answer = await t.fake.postInteraction(t.endpoint, ping);
    expect(answer).toMatchObject({ status: 200, body: { type: 1 } });
    expect(t.fake.calls.filter((c) => c.path === '/users/@me').map((c) => c.authorization)).toEqual([`Bot ${t.fake.token}`]);
    expect(t.fake.gatewayConnections).toBe(0);
    expect(t.fake.calls.filter((c) => c.path.startsWith('/gateway'))).toEqual([]);
  });

  it('/gomez ask is deferred in the HTTP answer, then edited over REST into an embed of verbatim Gomez quotes', async () => {
    const { interaction, answer, edit } = await ask('What did Gomez say about data quality?');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ type: 5 });
    const embed = edit.embeds[0];
    expect(embed.title).toBe('What did Gomez say about data quality?');
    const quotes = quotedTexts(embed.description);
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(isGuestText(core.corpus, quote), quote).toBe(true);
    expect(edit.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const ids = edit.components[0].components.map((c: { custom_id: string }) => c.custom_id);
    expect(ids).toEqual([`gomez:more:${interaction.id}`, `gomez:vote:up:${interaction.id}`, `gomez:vote:down:${interaction.id}`]);
    // The HTTP answer was the one first response: no callback also went over REST.
    expect(t.fake.callsFor(interaction).filter((c) => c.path.endsWith('/callback'))).toHaveLength(1);
    expect(await t.store.answers.get(interaction.id)).toMatchObject({ platform: 'discord', kind: 'ask', shown: quotes.length });
    expect(t.fake.gatewayConnections).toBe(0);
  });

  it('autocomplete is answered in the HTTP answer with matching topics', async () => {
    const topic = core.topics()[0]!;
    const interaction = autocomplete(t.fake, { subcommand: 'quotes', options: { topic: topic.slice(0, 3) }, focused: 'topic', user: alice });
    const answer = await t.fake.postInteraction(t.endpoint, interaction);
    expect(answer.status).toBe(200);
    const body = answer.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeGreaterThan(0);
    expect(body.data.choices.map((c) => c.value)).toContain(topic);
    expect(t.fake.callsFor(interaction)).toHaveLength(1);
  });

  it('"More quotes" defers the update in the HTTP answer, then edits the same message with new quotes', async () => {
    const first = await ask('What did Gomez say about synthetic data?');
    const shown = quotedTexts(first.edit.embeds[0].description);
    const message = t.fake.originalMessage(first.interaction.token) as Record<string, unknown> & { id: string };
    const press = buttonPress(t.fake, { user: alice, customId: `gomez:more:${first.interaction.id}`, message });
    const answer = await t.fake.postInteraction(t.endpoint, press);
    expect(answer).toMatchObject({ status: 200, body: { type: 6 } });
    const edit = bodyOf(await t.fake.waitForCall(isOriginalEdit(press)));
    const next = quotedTexts(edit.embeds[0].description);
    expect(next.length).toBeGreaterThan(0);
    for (const quote of next) {
      expect(isGuestText(core.corpus, quote), quote).toBe(true);
      expect(shown).not.toContain(quote);
    }
  });

  it('a bad or missing signature gets 401 and nothing is posted or remembered', async () => {
    const interaction = slashCommand(t.fake, { subcommand: 'ask', options: { question: 'What did Gomez say about robotics?' }, user: alice });
    expect((await t.fake.postInteraction(t.endpoint, interaction, { signature: 'bad' })).status).toBe(401);
    expect((await t.fake.postInteraction(t.endpoint, interaction, { signature: 'missing' })).status).toBe(401);
    expect(t.fake.callsFor(interaction)).toEqual([]);
    expect(await t.store.answers.get(interaction.id)).toBeUndefined();
    // Refused requests claim nothing: the genuine delivery is still answered.
    expect(await t.fake.postInteraction(t.endpoint, interaction)).toMatchObject({ status: 200, body: { type: 5 } });
    await t.fake.waitForCall(isOriginalEdit(interaction));
  });

  it('a replayed interaction is answered once, also when the replay reaches another replica', async () => {
    const { interaction } = await ask('What did Gomez say about enterprise customers?');
    const callsBefore = t.fake.callsFor(interaction).length;
    expect((await t.fake.postInteraction(t.endpoint, interaction)).status).toBe(409);

    // A second replica over the same store and the same Discord.
    const replica = await startHttpTestBot(core, { fake: t.fake, store: t.store });
    try {
      expect((await t.fake.postInteraction(replica.endpoint, interaction)).status).toBe(409);
      // The replica answers what is new to both; by the time its edit lands, a replay's would have too.
      const fresh = slashCommand(t.fake, { subcommand: 'ask', options: { question: 'What did Gomez say about robotics?' }, user: alice });
      expect(await t.fake.postInteraction(replica.endpoint, fresh)).toMatchObject({ status: 200, body: { type: 5 } });
      await t.fake.waitForCall(isOriginalEdit(fresh));
    } finally {
      await replica.close();
    }
    expect(t.fake.callsFor(interaction)).toHaveLength(callsBefore);
    expect(t.fake.gatewayConnections).toBe(0);
  });

  it('help is a private reply in the HTTP answer', async () => {
    const interaction = slashCommand(t.fake, { subcommand: 'help', user: alice });
    const answer = await t.fake.postInteraction(t.endpoint, interaction);
    const body = answer.body as { type: number; data: { flags: number; embeds: { description: string }[] } };
    expect(body.type).toBe(4);
    expect(body.data.flags & 64).toBe(64);
    expect(body.data.embeds[0]!.description).toContain('/gomez ask question:');
  });

  it('a command that is not /gomez is left unanswered (400), as over the gateway', async () => {
    const interaction = slashCommand(t.fake, { subcommand: 'ask', options: { question: 'hi' }, user: alice });
    const other = { ...interaction, data: { ...interaction.data, name: 'other' } };
    expect((await t.fake.postInteraction(t.endpoint, other)).status).toBe(400);
  });

  it('digests: subscribing answers privately, and the schedule posts to the channel over REST with the bot token', async () => {
    const channelId = snowflake();
    const base = slashCommand(t.fake, { group: 'digest', subcommand: 'subscribe', options: { every: 'daily', time: '09:00' }, user: alice, channelId });
    if (!('member' in base)) throw new Error('expected a guild interaction');
    const interaction = { ...base, member: { ...base.member, permissions: MANAGE } };
    const answer = await t.fake.postInteraction(t.endpoint, interaction);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body, JSON.stringify(answer.body)).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = bodyOf(await t.fake.waitForCall(isOriginalEdit(interaction)));
    expect(String(edit.content)).toMatch(/^Subscribed: this channel gets a daily at 09:00/);

    const subscription = (await t.store.digests.forChannel('discord', channelId))!;
    const clock = new FakeClock(new Date(subscription.nextDueAt));
    const runner = createDiscordDigestRunner({ client: t.bot.client, core, store: t.store, clock: clock.now });
    try {
      await runner.tick();
    } finally {
      await runner.stop();
    }
    const post = await t.fake.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);
    expect(post.authorization).toBe(`Bot ${t.fake.token}`);
    expect(bodyOf(post).embeds[0].description).toMatch(/^Daily digest\./);
  });

  it('answers nothing but POST', async () => {
    const response = await fetch(t.endpoint);
    expect(response.status).toBe(405);
  });
});
