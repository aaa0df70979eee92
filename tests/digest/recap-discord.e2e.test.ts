import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeUser, slashCommand } from '../fakes/discord/payloads.ts';
import { snowflake } from '../fakes/discord/snowflake.ts';
import { testCore } from '../adapters/discord/core-double.ts';
import { bodyOf, isCallback, isOriginalEdit, quotedTexts, startTestBot, type TestBot } from '../adapters/discord/harness.ts';

const SOURCE_TEXT = readFileSync('corpus/000_f1adc335df00c9b8.txt', 'utf8');

describe('Discord channel recap (real discord.js client, real core, local fake Discord)', () => {
  let t: TestBot;
  const alice = fakeUser('alice');
  const channel = snowflake();
  const other = snowflake();

  beforeAll(async () => {
    t = await startTestBot(await testCore());
  });
  afterAll(async () => t?.close());

  /** Runs `/gomez <subcommand>` in a channel and resolves with the edited reply's body. */
  async function run(subcommand: string, options: Record<string, string>, channelId: string) {
    const interaction = slashCommand(t.fake, { subcommand, options, user: alice, channelId });
    t.fake.dispatchInteraction(interaction);
    await t.fake.waitForCall(isCallback(interaction));
    return bodyOf(await t.fake.waitForCall(isOriginalEdit(interaction)));
  }

  it('/gomez recap shows what this channel asked, the best quote each got, and what was refused', async () => {
    await run('ask', { question: 'What did Gomez say about synthetic data?' }, channel);
    await run('ask', { question: 'what did gomez say about synthetic data' }, channel);
    await run('ask', { question: 'What did Gomez say about the best pizza in Naples?' }, channel);
    await run('ask', { question: 'What did Gomez say about robotics?' }, other);

    const body = await run('recap', {}, channel);
    expect(body.allowed_mentions).toMatchObject({ parse: [] });
    const text = JSON.stringify(body.embeds);
    expect(text).toContain('Channel recap for the last 7 days: 3 questions (2 different).');
    expect(text).toContain('Asked 2 times');
    expect(text).toMatch(/Not covered by the interviews \(refused\): .*best pizza in Naples/);
    expect(text).not.toContain('robotics?');
    // Every quote shown is verbatim from the transcript.
    const embeds = body.embeds as { description?: string; fields?: { value: string }[] }[];
    const quoted = embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]).flatMap(quotedTexts);
    expect(quoted.length).toBeGreaterThan(0);
    for (const q of quoted) expect(SOURCE_TEXT).toContain(q.replace(/^[“"]|[”"]$/g, ''));
  });

  it('a channel that asked nothing gets a recap that says so', async () => {
    const body = await run('recap', {}, snowflake());
    expect(JSON.stringify(body.embeds)).toContain('nobody asked me anything here');
  });
});
