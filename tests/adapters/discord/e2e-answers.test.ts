import { GatewayIntentBits, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GomezCore } from '../../../src/core.ts';
import type { Corpus } from '../../../src/corpus/types.ts';
import { userMessageFor } from '../../../src/errors.ts';
import { autocomplete, buttonPress, fakeUser, slashCommand } from '../../fakes/discord/payloads.ts';
import { testCore } from './core-double.ts';
import { bodyOf, isCallback, isFollowUp, isOriginalEdit, quotedTexts, startTestBot, type TestBot } from './harness.ts';

/** True when `text` lies inside one passage spoken by the guest (Aidan Gomez). */
function isGuestText(corpus: Corpus, text: string): boolean {
  return corpus.passages.some((p) => p.role === 'guest' && p.speaker === 'Aidan Gomez' && p.text.includes(text));
}

describe('Discord bot end to end (real discord.js client against a local fake Discord)', () => {
  let t: TestBot;
  let core: GomezCore;
  const alice = fakeUser('alice');
  const bob = fakeUser('bob');

  beforeAll(async () => {
    core = await testCore();
    t = await startTestBot(core, { heartbeatIntervalMs: 500 });
  });
  afterAll(async () => t?.close());

  async function ask(question: string, user = alice, where: 'guild' | 'dm' = 'guild') {
    const interaction = slashCommand(t.fake, { subcommand: 'ask', options: { question }, user, in: where });
    const dispatchedAt = t.fake.dispatchInteraction(interaction);
    const callback = await t.fake.waitForCall(isCallback(interaction));
    const edit = await t.fake.waitForCall(isOriginalEdit(interaction));
    await t.delivered(interaction.id);
    return { interaction, dispatchedAt, callback, edit, body: bodyOf(edit) };
  }

  it('logs in over the gateway with only the Guilds and DirectMessages intents, and publishes nothing', () => {
    expect(t.bot.client.isReady()).toBe(true);
    expect(t.fake.identifies).toHaveLength(1);
    expect(t.fake.identifies[0]!.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.DirectMessages);
    expect(t.fake.calls.filter((c) => c.path.includes('/commands'))).toEqual([]);
  });

  it('keeps the gateway alive: heartbeats are acknowledged', async () => {
    while (t.bot.client.ws.ping === -1) await new Promise((r) => setTimeout(r, 50));
    expect(t.fake.heartbeats).toBeGreaterThan(0);
    expect(t.bot.client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('/gomez ask is deferred at once, then edited into an embed of verbatim Gomez quotes', async () => {
    const { callback, dispatchedAt, body, interaction } = await ask('What did Gomez say about data quality?');
    expect(bodyOf(callback)).toMatchObject({ type: 5 });
    expect(callback.at - dispatchedAt).toBeLessThan(3_000);

    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embed = body.embeds[0];
    expect(embed.title).toBe('What did Gomez say about data quality?');
    expect(embed.footer.text).toContain(core.corpus.sources[0]!.meta.title.slice(0, 20));
    const quotes = quotedTexts(embed.description);
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(isGuestText(core.corpus, quote), quote).toBe(true);
    expect(embed.description).toContain('*Translation:*');
    expect(embed.description).toMatch(/— \*\*Aidan Gomez\*\* · \[.+\]\(https:\/\/www\.youtube\.com\/watch\?v=FUGosOgiTeI\)/);

    const ids = body.components[0].components.map((c: { custom_id: string }) => c.custom_id);
    expect(ids).toEqual([`gomez:more:${interaction.id}`, `gomez:vote:up:${interaction.id}`, `gomez:vote:down:${interaction.id}`]);
    expect(await t.store.answers.get(interaction.id)).toMatchObject({ platform: 'discord', kind: 'ask', shown: quotes.length });
  });

  it('treats a short question in the same channel as a follow-up of the one before', async () => {
    await ask('What did Gomez say about robotics?');
    const seen: unknown[] = [];
    const original = core.ask;
    core.ask = async (question, options) => {
      seen.push(options?.history);
      return original.call(core, question, options);
    };
    try {
      const { body } = await ask('and why?');
      expect(seen[0]).toEqual(expect.arrayContaining([expect.objectContaining({ question: 'What did Gomez say about robotics?' })]));
      // Condensed with its history, the follow-up is still about robots.
      expect(body.embeds[0].description).toContain('机器人');
    } finally {
      core.ask = original;
    }
  });

  it('works in a DM with the bot', async () => {
    const { body } = await ask('What did he say about curriculum learning?', bob, 'dm');
    expect(quotedTexts(body.embeds[0].description).length).toBeGreaterThan(0);
  });

  it('an uncovered question gets an honest refusal and no "More quotes"', async () => {
    const { body } = await ask('What did Gomez say about the football World Cup final?');
    const expected = await core.ask('What did Gomez say about the football World Cup final?', { limit: 3 });
    expect(expected.answered).toBe(false);
    expect(body.embeds[0].description).toContain(expected.answer);
    expect(quotedTexts(body.embeds[0].description)).toEqual([]);
    expect(body.components[0].components[0]).toMatchObject({ label: 'More quotes', disabled: true });
  });

  it('/gomez quotes gives quotes on a topic without a lead', async () => {
    const interaction = slashCommand(t.fake, { subcommand: 'quotes', options: { topic: 'synthetic data' }, user: alice });
    t.fake.dispatchInteraction(interaction);
    expect(bodyOf(await t.fake.waitForCall(isCallback(interaction))).type).toBe(5);
    const embed = bodyOf(await t.fake.waitForCall(isOriginalEdit(interaction))).embeds[0];
    expect(embed.title).toBe('Quotes: synthetic data');
    const quotes = quotedTexts(embed.description);
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(isGuestText(core.corpus, quote), quote).toBe(true);
  });

  it('autocompletes topics from core.topics()', async () => {
    const typed = core.topics()[0]!.slice(0, 3);
    const interaction = autocomplete(t.fake, { subcommand: 'quotes', options: { topic: typed }, focused: 'topic', user: alice });
    t.fake.dispatchInteraction(interaction);
    const body = bodyOf(await t.fake.waitForCall(isCallback(interaction)));
    expect(body.type).toBe(8);
    const names = body.data.choices.map((c: { name: string }) => c.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(25);
    expect(names[0]).toBe(core.topics().find((topic) => topic.toLowerCase().startsWith(typed.toLowerCase())));
    for (const name of names) expect(core.topics()).toContain(name);
  });

  it('"More quotes" edits the same message with the next quotes and remembers how far it got', async () => {
    const first = await ask('What did Gomez say about scaling?');
    const firstQuotes = quotedTexts(first.body.embeds[0].description);
    const message = t.fake.originalMessage(first.interaction.token)!;
    const press = buttonPress(t.fake, { customId: `gomez:more:${first.interaction.id}`, message: { ...message, id: String(message.id) }, user: bob });
    t.fake.dispatchInteraction(press);
    expect(bodyOf(await t.fake.waitForCall(isCallback(press))).type).toBe(6);
    const edit = bodyOf(await t.fake.waitForCall(isOriginalEdit(press)));
    expect(edit.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const next = quotedTexts(edit.embeds[0].description);
    expect(next.length).toBeGreaterThan(0);
    for (const quote of next) {
      expect(firstQuotes).not.toContain(quote);
      expect(isGuestText(core.corpus, quote), quote).toBe(true);
    }
    expect(edit.embeds[0].footer.text).toContain(`quote${next.length > 1 ? 's' : ''} ${firstQuotes.length + 1}`);
    expect((await t.store.answers.get(first.interaction.id))!.shown).toBe(firstQuotes.length + next.length);
  });

  it('records 👍/👎 once per user per answer: a second press changes the vote', async () => {
    const { interaction } = await ask('What did Gomez say about OpenAI?');
    const message = t.fake.originalMessage(interaction.token)!;
    const press = (vote: 'up' | 'down', user = alice) => {
      const p = buttonPress(t.fake, { customId: `gomez:vote:${vote}:${interaction.id}`, message: { ...message, id: String(message.id) }, user });
      t.fake.dispatchInteraction(p);
      return t.fake.waitForCall(isCallback(p));
    };
    const up = bodyOf(await press('up'));
    expect(up.type).toBe(4);
    expect(up.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(up.data.content).toContain('👍');
    expect(up.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(await t.store.feedback.tally(interaction.id)).toEqual({ up: 1, down: 0 });

    await press('down');
    expect(await t.store.feedback.tally(interaction.id)).toEqual({ up: 0, down: 1 });
    await press('up', bob);
    expect(await t.store.feedback.tally(interaction.id)).toEqual({ up: 1, down: 1 });
    // The votes keep what was asked, for the curator's report.
    const votes = (await t.store.feedback.report(10)).answers.find((a) => a.answerId === interaction.id);
    expect(votes).toMatchObject({ question: 'What did Gomez say about OpenAI?', platform: 'discord', up: 1, down: 1 });
  });

  it('never pings: a question with @everyone and a user mention gets allowed_mentions parse [] on every message', async () => {
    const question = `@everyone @here <@${bob.id}> what did Gomez say about models?`;
    const { interaction, body } = await ask(question);
    expect(body.embeds[0].title).toContain('@everyone');
    const message = t.fake.originalMessage(interaction.token)!;
    const press = buttonPress(t.fake, { customId: `gomez:vote:up:${interaction.id}`, message: { ...message, id: String(message.id) }, user: alice });
    t.fake.dispatchInteraction(press);
    await t.fake.waitForCall(isCallback(press));
    const withMessage = [...t.fake.callsFor(interaction), ...t.fake.callsFor(press)].filter((c) => {
      const b = bodyOf(c);
      return c.method === 'PATCH' || (c.method === 'POST' && (b.type === 4 || b.type === 7 || !('type' in b)));
    });
    expect(withMessage.length).toBeGreaterThanOrEqual(2);
    for (const call of withMessage) {
      const b = bodyOf(call);
      expect(b.allowed_mentions ?? b.data.allowed_mentions, `${call.method} ${call.path}`).toMatchObject({ parse: [] });
    }
  });

  it('/gomez summary renders what core.summarize returns, or shows its user message', async () => {
    const expected = await core.summarize({ topic: null }).then(
      (summary) => ({ summary, error: null }),
      (error: unknown) => ({ summary: null, error: userMessageFor(error) }),
    );
    const interaction = slashCommand(t.fake, { subcommand: 'summary', options: {}, user: bob });
    t.fake.dispatchInteraction(interaction);
    expect(bodyOf(await t.fake.waitForCall(isCallback(interaction))).type).toBe(5);
    const reply = await t.fake.waitForCall((c) => isOriginalEdit(interaction)(c) || isFollowUp(interaction)(c));
    const body = bodyOf(reply);
    if (expected.summary) {
      expect(reply.method).toBe('PATCH');
      const fields: Array<{ name: string; value: string }> = body.embeds[0].fields;
      expect(fields.length).toBe(Math.min(expected.summary.themes.length, 25));
      for (const field of fields) {
        for (const quote of quotedTexts(field.value)) expect(isGuestText(core.corpus, quote), quote).toBe(true);
      }
    } else {
      expect(body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(body.content).toBe(expected.error);
    }
  });
});
