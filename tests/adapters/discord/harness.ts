import type { GomezCore } from '../../../src/core.ts';
import { readEnv, type Env } from '../../../src/config/env.ts';
import { setLogLevel } from '../../../src/log.ts';
import { startDiscord, type RunningDiscordBot } from '../../../src/adapters/discord/index.ts';
import { Store } from '../../../src/store/store.ts';
import { FakeDiscord, type RecordedCall } from '../../fakes/discord/server.ts';

setLogLevel('silent');

export interface TestBot {
  fake: FakeDiscord;
  store: Store;
  env: Env;
  bot: RunningDiscordBot;
  /** Resolves once interaction `id` is handled to the end (its delivery done: answer and turns recorded). */
  delivered(id: string): Promise<void>;
  close(): Promise<void>;
}

/** Waits (up to 8 s) for a delivery row to leave 'processing'; the bot records it just after replying. */
export async function deliveryDone(store: Store, key: string): Promise<void> {
  const deadline = Date.now() + 8_000;
  const state = () => (store.db.prepare('SELECT state FROM deliveries WHERE key = ?').get(key) as { state: string } | undefined)?.state;
  while (state() !== 'done' && state() !== 'failed') {
    if (Date.now() > deadline) throw new Error(`delivery ${key} not done within 8 s (state ${state() ?? 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A local fake Discord plus the real discord.js bot (the `gomez discord` code path) logged in to it. */
export async function startTestBot(
  core: GomezCore,
  options: { env?: Record<string, string>; answerTimeoutMs?: number; heartbeatIntervalMs?: number } = {},
): Promise<TestBot> {
  const fake = await FakeDiscord.start(options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {});
  const store = Store.open(':memory:');
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
        store.close();
      },
    };
  } catch (error) {
    await fake.close();
    store.close();
    throw error;
  }
}

export const isCallback = (interaction: { id: string }) => (c: RecordedCall) =>
  c.method === 'POST' && c.path.startsWith(`/interactions/${interaction.id}/`);

export const isOriginalEdit = (interaction: { token: string }) => (c: RecordedCall) =>
  c.method === 'PATCH' && c.path.endsWith(`/${interaction.token}/messages/@original`);

export const isFollowUp = (interaction: { token: string }) => (c: RecordedCall) =>
  c.method === 'POST' && c.path.endsWith(`/${interaction.token}`);

/** A recorded JSON body as a plain record (the fake stores whatever arrived). */
export function bodyOf(call: RecordedCall): Record<string, any> {
  if (typeof call.body !== 'object' || call.body === null) throw new Error(`call ${call.method} ${call.path} had no JSON body`);
  return call.body as Record<string, any>;
}

/** The block-quoted lines of an embed description, markdown escapes removed: what a reader sees quoted. */
export function quotedTexts(description: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of description.split('\n')) {
    if (line.startsWith('> ') && !line.startsWith('> *Translation:*')) current.push(line.slice(2));
    else if (current.length) {
      blocks.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length) blocks.push(current.join('\n'));
  return blocks.map((b) => b.replace(/\\([^\w\s]|_)/g, '$1'));
}
