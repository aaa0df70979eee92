import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Answer, Summary } from '../../../src/answer/types.ts';
import { GomezError } from '../../../src/errors.ts';
import { setLogLevel } from '../../../src/log.ts';
import { fakeUser, slashCommand } from '../../fakes/discord/payloads.ts';
import type { RecordedCall } from '../../fakes/discord/server.ts';
import { coreDouble, guestQuotes, loadRepoCorpus } from './core-double.ts';
import { bodyOf, isCallback, isFollowUp, isOriginalEdit, quotedTexts, startTestBot, type TestBot } from './harness.ts';

const corpus = loadRepoCorpus();
const quotes = guestQuotes(corpus);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const LONG_SENTENCE = 'Scale is not the only way to make models better, and data quality matters at least as much. ';
const longAnswer: Answer = {
  question: 'long',
  answered: true,
  answer: LONG_SENTENCE.repeat(120).trim(),
  quotes: quotes.slice(0, 12).map((q) => ({ ...q, translation: `${q.translation ?? ''} ${LONG_SENTENCE.repeat(8)}`.trim() })),
  mode: 'extractive',
};

const summary: Summary = {
  topic: null,
  answered: true,
  mode: 'extractive',
  themes: Array.from({ length: 8 }, (_, i) => ({
    title: `Theme ${i + 1}: ${LONG_SENTENCE.slice(0, 40)}`,
    takeaway: LONG_SENTENCE.repeat(3),
    quotes: quotes.slice(i * 2, i * 2 + 2),
  })),
};

const core = coreDouble(corpus, {
  async ask(question, options) {
    if (question.includes('explode')) throw new Error('database exploded at /srv/secret/path');
    if (question.includes('slow')) await sleep(4_000);
    if (question === 'long') return longAnswer;
    return coreDouble(corpus).ask(question, options);
  },
  async summarize({ topic } = {}) {
    if (topic === 'unavailable') throw new GomezError('summaries not built', 'Summaries are still being written. Try /gomez ask meanwhile.');
    return { ...summary, topic: topic ?? null };
  },
});

const user = fakeUser('carol');

function expectEphemeral(call: RecordedCall): string {
  const body = bodyOf(call);
  const data = call.path.endsWith('/callback') ? body.data : body;
  expect(data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  expect(data.allowed_mentions).toMatchObject({ parse: [] });
  return data.content;
}

describe('Discord bot: failures, limits and slow answers', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot(core);
  });
  afterAll(async () => t?.close());

  function send(subcommand: string, options: Record<string, string>, who = user) {
    const interaction = slashCommand(t.fake, { subcommand, options, user: who });
    const dispatchedAt = t.fake.dispatchInteraction(interaction);
    return { interaction, dispatchedAt };
  }

  it('an internal error gives a short ephemeral message without detail, and the bot answers the next one', async () => {
    const logged: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      logged.push(String(chunk));
      return true;
    });
    setLogLevel('error');
    const { interaction } = send('ask', { question: 'please explode' });
    let followUp: RecordedCall;
    try {
      expect(bodyOf(await t.fake.waitForCall(isCallback(interaction))).type).toBe(5);
      followUp = await t.fake.waitForCall(isFollowUp(interaction));
    } finally {
      setLogLevel('silent');
      stderr.mockRestore();
    }
    // The log gets the detail, keyed by the interaction id.
    const line = logged.map((l) => JSON.parse(l)).find((l) => l.messageId === interaction.id);
    expect(line).toMatchObject({ level: 'error', msg: 'bot: answering failed', surface: 'discord' });
    expect(line.error.message).toContain('database exploded');
    const text = expectEphemeral(followUp);
    expect(text).toMatch(/something went wrong/i);
    expect(text).not.toMatch(/exploded|secret/);
    // The public "thinking…" placeholder is removed rather than left dangling.
    expect(t.fake.callsFor(interaction).some((c) => c.method === 'DELETE')).toBe(true);

    const next = send('ask', { question: 'What about data?' });
    const edit = bodyOf(await t.fake.waitForCall(isOriginalEdit(next.interaction)));
    expect(quotedTexts(edit.embeds[0].description).length).toBeGreaterThan(0);
  });

  it('a blank question is refused privately before anything is posted', async () => {
    const { interaction } = send('ask', { question: '   ' });
    const call = await t.fake.waitForCall(isCallback(interaction));
    expect(bodyOf(call).type).toBe(4);
    expect(expectEphemeral(call)).toMatch(/question/);
  });

  it('acknowledges within 3 s even when answering takes 4 s, then edits in the answer', async () => {
    const { interaction, dispatchedAt } = send('ask', { question: 'a slow one' });
    const callback = await t.fake.waitForCall(isCallback(interaction));
    expect(bodyOf(callback).type).toBe(5);
    expect(callback.at - dispatchedAt).toBeLessThan(3_000);
    const edit = await t.fake.waitForCall(isOriginalEdit(interaction), 10_000);
    expect(edit.at - dispatchedAt).toBeGreaterThanOrEqual(4_000);
    expect(bodyOf(edit).embeds).toHaveLength(1);
  });

  it('cuts an over-long answer within Discord limits, at sentence ends, keeping every shown quote attributed', async () => {
    const { interaction } = send('ask', { question: 'long' });
    const body = bodyOf(await t.fake.waitForCall(isOriginalEdit(interaction)));
    const embed = body.embeds[0];
    expect((body.content ?? '').length).toBeLessThanOrEqual(2_000);
    expect(embed.description.length).toBeLessThanOrEqual(4_096);
    const total = embed.title.length + embed.description.length + (embed.footer?.text.length ?? 0);
    expect(total).toBeLessThanOrEqual(6_000);
    // The lead is cut after a whole sentence.
    const lead = embed.description.split('\n\n')[0];
    expect(lead).toMatch(/as much\.…$/);
    const shown = quotedTexts(embed.description);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(12);
    const attributions = embed.description.match(/^— \*\*Aidan Gomez\*\* · \[.+\]\(https:\/\/.+\)$/gm) ?? [];
    expect(attributions).toHaveLength(shown.length);
    shown.forEach((text, i) => expect(longAnswer.quotes[i]!.text.startsWith(text)).toBe(true));
    // "More quotes" continues with the first quote that did not fit.
    expect((await t.store.answers.get(interaction.id))!.shown).toBe(shown.length);
  });

  it('/gomez summary posts the themes as fields within the limits', async () => {
    const { interaction } = send('summary', {});
    const embed = bodyOf(await t.fake.waitForCall(isOriginalEdit(interaction))).embeds[0];
    expect(embed.title).toBe('What Aidan Gomez talked about');
    expect(embed.fields).toHaveLength(8);
    let total = embed.title.length + (embed.footer?.text.length ?? 0) + (embed.description?.length ?? 0);
    for (const field of embed.fields) {
      expect(field.value.length).toBeLessThanOrEqual(1_024);
      total += field.name.length + field.value.length;
    }
    expect(total).toBeLessThanOrEqual(6_000);
    expect(embed.fields[0].value).toContain('— **Aidan Gomez**');
  });

  it("/gomez summary shows the core's user message when summaries are unavailable", async () => {
    const { interaction } = send('summary', { topic: 'unavailable' });
    const text = expectEphemeral(await t.fake.waitForCall(isFollowUp(interaction)));
    expect(text).toBe('Summaries are still being written. Try /gomez ask meanwhile.');
  });
});

describe('Discord bot: per-user rate limit and answer deadline', () => {
  let t: TestBot;
  beforeAll(async () => {
    const hanging = coreDouble(corpus, {
      ask: (question, options) => (question === 'hang' ? new Promise<Answer>(() => undefined) : coreDouble(corpus).ask(question, options)),
    });
    t = await startTestBot(hanging, { env: { RATE_LIMIT_PER_MINUTE: '2' }, answerTimeoutMs: 300 });
  });
  afterAll(async () => t?.close());

  it('answers a user over the limit with a polite ephemeral message, others still get answers', async () => {
    const dave = fakeUser('dave');
    for (let i = 0; i < 2; i++) {
      const interaction = slashCommand(t.fake, { subcommand: 'ask', options: { question: `q${i}` }, user: dave });
      t.fake.dispatchInteraction(interaction);
      await t.fake.waitForCall(isOriginalEdit(interaction));
    }
    const third = slashCommand(t.fake, { subcommand: 'ask', options: { question: 'q3' }, user: dave });
    t.fake.dispatchInteraction(third);
    const call = await t.fake.waitForCall(isCallback(third));
    expect(bodyOf(call).type).toBe(4);
    expect(expectEphemeral(call)).toMatch(/try again in \d+ s/i);

    const erin = slashCommand(t.fake, { subcommand: 'ask', options: { question: 'q4' }, user: fakeUser('erin') });
    t.fake.dispatchInteraction(erin);
    expect(bodyOf(await t.fake.waitForCall(isOriginalEdit(erin))).embeds).toHaveLength(1);
  });

  it('tells the user privately when an answer takes longer than the deadline', async () => {
    const interaction = slashCommand(t.fake, { subcommand: 'ask', options: { question: 'hang' }, user: fakeUser('frank') });
    t.fake.dispatchInteraction(interaction);
    const text = expectEphemeral(await t.fake.waitForCall(isFollowUp(interaction)));
    expect(text).toMatch(/too long/);
  });
});
