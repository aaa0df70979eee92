import type { GomezCore } from '../../../src/core.ts';
import { readEnv, type Env } from '../../../src/config/env.ts';
import { setLogLevel } from '../../../src/log.ts';
import { startDiscordHttp, INTERACTIONS_PATH, type RunningDiscordHttp } from '../../../src/adapters/discord/index.ts';
import type { StateStore } from '../../../src/store/state.ts';
import { createWebHandler } from '../../../src/web/routes.ts';
import { startWebServer, type RunningWebServer } from '../../../src/web/web-server.ts';
import { FakeDiscord } from '../../fakes/discord/server.ts';
import { openTestStore } from '../../store/test-store.ts';

setLogLevel('silent');

export interface HttpTestBot {
  fake: FakeDiscord;
  /** The bot's state on this run's engine (tests/store/test-store.ts). */
  store: StateStore;
  env: Env;
  bot: RunningDiscordHttp;
  web: RunningWebServer;
  /** The bot's Interactions Endpoint URL on 127.0.0.1. */
  endpoint: string;
  close(): Promise<void>;
}

/**
 * The bot in HTTP interactions mode (the `gomez discord` path with DISCORD_PUBLIC_KEY set): its endpoint
 * mounted on the web server, the fake Discord signing with its own key and taking REST follow-ups.
 * `fake` and `store` may be shared, as replicas behind one load balancer share them.
 */
export async function startHttpTestBot(
  core: GomezCore,
  options: { fake?: FakeDiscord; store?: StateStore; acknowledgeAfterMs?: number } = {},
): Promise<HttpTestBot> {
  const fake = options.fake ?? (await FakeDiscord.start());
  const store = options.store ?? (await openTestStore({ prefix: 'gomez-discord-http-' }));
  const env = readEnv({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_PUBLIC_KEY: fake.publicKeyHex,
  });
  const bot = await startDiscordHttp({ core, env, store, ...(options.acknowledgeAfterMs ? { acknowledgeAfterMs: options.acknowledgeAfterMs } : {}) });
  const web = await startWebServer(createWebHandler({ corpus: core.corpus, store, mounts: new Map([[INTERACTIONS_PATH, bot.handler]]) }), 0, '127.0.0.1');
  return {
    fake,
    store,
    env,
    bot,
    web,
    endpoint: `http://127.0.0.1:${web.port}${INTERACTIONS_PATH}`,
    async close() {
      await web.close();
      await bot.stop();
      if (!options.fake) await fake.close();
      if (!options.store) await store.close();
    },
  };
}
