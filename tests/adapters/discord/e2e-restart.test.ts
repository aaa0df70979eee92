import { afterAll, describe, expect, it } from 'vitest';
import { postSummaryToChannel, startDiscord, ChannelUnreachableError } from '../../../src/adapters/discord/index.ts';
import { readEnv } from '../../../src/config/env.ts';
import { buttonPress, fakeUser, slashCommand } from '../../fakes/discord/payloads.ts';
import { FakeDiscord } from '../../fakes/discord/server.ts';
import { createTestState } from '../../store/test-store.ts';
import { testCore } from './core-double.ts';
import { bodyOf, isCallback, isOriginalEdit, quotedTexts } from './harness.ts';

const state = await createTestState({ prefix: 'gomez-discord-' });

describe('Discord bot across a restart, and channel posts', () => {
  let fake: FakeDiscord | undefined;
  afterAll(async () => {
    await fake?.close();
    await state.dispose();
  });

  it('"More quotes" still works on an answer given before the bot restarted', async () => {
    fake = await FakeDiscord.start();
    const core = await testCore();
    const env = readEnv({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, ...state.env });
    const user = fakeUser('gina');

    let store = await state.open();
    let bot = await startDiscord({ core, env, store });
    const ask = slashCommand(fake, { subcommand: 'ask', options: { question: 'What did Gomez say about data?' }, user });
    fake.dispatchInteraction(ask);
    const first = quotedTexts(bodyOf(await fake.waitForCall(isOriginalEdit(ask))).embeds[0].description);
    await bot.stop();
    await store.close();

    store = await state.open();
    bot = await startDiscord({ core, env, store });
    try {
      expect(fake.identifies).toHaveLength(2);
      const message = fake.originalMessage(ask.token)!;
      const press = buttonPress(fake, { customId: `gomez:more:${ask.id}`, message: { ...message, id: String(message.id) }, user });
      fake.dispatchInteraction(press);
      expect(bodyOf(await fake.waitForCall(isCallback(press))).type).toBe(6);
      const next = quotedTexts(bodyOf(await fake.waitForCall(isOriginalEdit(press))).embeds[0].description);
      expect(next.length).toBeGreaterThan(0);
      for (const quote of next) expect(first).not.toContain(quote);

      // Scheduled digests post into channels: mentions off, and a lost channel is reported as such.
      const summary = { topic: null, answered: true, mode: 'extractive' as const, themes: [{ title: 'Data', takeaway: '@everyone data matters.', quotes: [] }] };
      const posted = await postSummaryToChannel(bot.client, core, '223456789012345678', summary);
      const post = fake.calls.find((c) => c.method === 'POST' && c.path === '/channels/223456789012345678/messages')!;
      expect(fake.messages.has(posted.messageId)).toBe(true);
      expect(bodyOf(post).allowed_mentions).toEqual({ parse: [] });
      expect(bodyOf(post).embeds[0].fields[0].name).toBe('Data');

      fake.makeChannelUnreachable('323456789012345678');
      await expect(postSummaryToChannel(bot.client, core, '323456789012345678', summary)).rejects.toBeInstanceOf(ChannelUnreachableError);
    } finally {
      await bot.stop();
      await store.close();
    }
  });
});
