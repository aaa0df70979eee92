import type { GomezCore } from '../../../src/core.ts';
import { readEnv, type Env } from '../../../src/config/env.ts';
import { setLogLevel } from '../../../src/log.ts';
import { startDiscord, type RunningDiscordBot } from '../../../src/adapters/discord/index.ts';
import type { StateStore } from '../../../src/store/state.ts';
import { FakeDiscord } from '../../fakes/discord/server.ts';
import { openTestStore } from '../../store/test-store.ts';

// Re-exported for the tests that drive the bot; tests that need only these import ./calls.ts and store nothing.
export { bodyOf, isCallback, isFollowUp, isOriginalEdit, quotedTexts } from './calls.ts';

setLogLevel('silent');

export interface TestBot {
  fake: FakeDiscord;
  /** The bot's state on this run's engine (tests/store/test-store.ts). */
  store: StateStore;
  env: Env;
  bot: RunningDiscordBot;
  /** Resolves once interaction `id` is handled to the end (its delivery done: answer and turns recorded). */
  delivered(id: string): Promise<void>;
  close(): Promise<void>;
}

/** Waits (up to 8 s) for a delivery row to leave 'processing'; the bot records it just after replying. */
export async function deliveryDone(store: StateStore, key: string): Promise<void> {
  const deadline = Date.now() + 8_000;
  for (let state = (await store.deliveries.get(key))?.state; state !== 'done' && state !== 'failed'; state = (await store.deliveries.get(key))?.state) {
    if (Date.now() > deadline) throw new Error(`delivery ${key} not done within 8 s (state ${state ?? 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A local fake Discord plus the real discord.js bot (the `gomez discord` code path) logged in to it. */
export async function startTestBot(
  core: GomezCore,
  options: { env?: Record<string, string>; answerTimeoutMs?: number; heartbeatIntervalMs?: number } = {},
): Promise<TestBot> {
  const fake = await FakeDiscord.start(options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {});
  const store = await openTestStore({ prefix: 'gomez-discord-' });
  const env = readEnv({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    ...options.env,
  });
  try {
    const bot = await startDiscord({ core, env, store, ...(options.answerTimeoutMs ? { answerTimeoutMs: options.answerTimeoutMs } : {}) });
    return {
      fake,
      store,
      env,
      bot,
      delivered: (id) => deliveryDone(store, `discord:interaction:${id}`),
      async close() {
        await bot.stop();
        await fake.close();
        await store.close();
      },
    };
  } catch (error) {
    await fake.close();
    await store.close();
    throw error;
  }
}
