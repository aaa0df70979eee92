import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import { requireVars, type Env } from '../../config/env.ts';
import type { GomezCore } from '../../core.ts';
import { log } from '../../log.ts';
import type { Store } from '../../store/store.ts';
import { createDiscordClient } from './client.ts';
import { createDiscordDigestRunner } from './digest-poster.ts';
import { createDiscordContext } from './bot-context.ts';
import { createInteractionHandler } from './interactions.ts';
import { loginError } from './login-error.ts';

export { registerDiscordCommands, type RegisterResult } from './register.ts';
export { postSummaryToChannel, ChannelUnreachableError } from './channel-post.ts';
export { discordInviteUrl, BOT_PERMISSIONS } from './invite-url.ts';
export { startDiscordHttp, INTERACTIONS_PATH, type RunningDiscordHttp } from './http/start.ts';

const PRUNE_EVERY_MS = 3_600_000;

export interface StartDiscordOptions {
  core: GomezCore;
  env: Env;
  store: Store;
  /** How long one core call may take before the user is told to try again (default 60 s). */
  answerTimeoutMs?: number;
}

export interface RunningDiscordBot {
  client: Client<true>;
  stop(): Promise<void>;
}

/**
 * Logs the gateway bot in and resolves once it is ready to answer. A missing or rejected
 * DISCORD_TOKEN rejects with a ConfigError that names it. Slash commands are published separately
 * (registerDiscordCommands), never here.
 */
export async function startDiscord({ core, env, store, answerTimeoutMs = 60_000 }: StartDiscordOptions): Promise<RunningDiscordBot> {
  requireVars(env, ['DISCORD_TOKEN'], 'run the Discord bot');
  const ctx = createDiscordContext(core, env, store, answerTimeoutMs);
  const client = createDiscordClient(env);
  client.on(Events.InteractionCreate, createInteractionHandler(ctx));
  client.on(Events.Error, (error) => log.error('discord client error', { error }));
  client.on(Events.ShardError, (error, shardId) => log.warn('discord gateway connection error', { shardId, error }));
  client.on(Events.Warn, (message) => log.warn('discord warning', { message }));

  const ready = once(client, Events.ClientReady);
  ready.catch(() => undefined); // observed below; a failed login must not leave it unhandled
  try {
    await client.login(env.DISCORD_TOKEN);
    await ready;
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw loginError(error);
  }
  if (!client.isReady()) throw new Error('discord client resolved login without becoming ready');
  const readyClient = client;
  log.info('discord bot ready', { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size });
  // Scheduled channel digests (src/digest), posted through this client until the bot stops.
  const digests = createDiscordDigestRunner({ client: readyClient, core, store });
  digests.start();
  // Dedupe keys only matter while a replay is possible; drop old ones so the table stays small.
  const pruning = setInterval(() => store.pruneEvents(), PRUNE_EVERY_MS);
  pruning.unref();
  return {
    client: readyClient,
    async stop() {
      await digests.stop();
      clearInterval(pruning);
      client.removeAllListeners();
      await client.destroy();
    },
  };
}
