import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import { requireVars, type Env } from '../../config/env.ts';
import type { GomezCore } from '../../core.ts';
import { log } from '../../log.ts';
import { startDeliverySweeper } from '../../bot/lease.ts';
import type { StateStore } from '../../store/state.ts';
import { createDiscordClient } from './client.ts';
import { createDiscordContext } from './bot-context.ts';
import { createDiscordDigestRunner } from './digest-poster.ts';
import { createInteractionHandler } from './interactions.ts';
import { loginError } from './login-error.ts';
import { discordFinisher } from './takeover.ts';

export { registerDiscordCommands, type RegisterResult } from './register.ts';
export { startDiscordHttp, INTERACTIONS_PATH, type RunningDiscordHttp } from './http/start.ts';
export { postSummaryToChannel, ChannelUnreachableError } from './channel-post.ts';
export { discordInviteUrl, BOT_PERMISSIONS } from './invite-url.ts';

const PRUNE_EVERY_MS = 3_600_000;

export interface StartDiscordOptions {
  core: GomezCore;
  env: Env;
  /** The state store (SQLite or PostgreSQL). */
  store: StateStore;
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
export async function startDiscord({ core, env, answerTimeoutMs = 60_000, ...options }: StartDiscordOptions): Promise<RunningDiscordBot> {
  requireVars(env, ['DISCORD_TOKEN'], 'run the Discord bot');
  const ctx = createDiscordContext(core, env, options.store, answerTimeoutMs);
  const { store, state, leaseMs } = ctx;
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
  // Delivery records only matter while a replay is possible; drop old ones so the table stays small.
  const pruning = setInterval(
    () => void store.deliveries.prune(PRUNE_EVERY_MS * 24).catch((error: unknown) => log.warn('discord: could not prune deliveries', { error })),
    PRUNE_EVERY_MS,
  );
  pruning.unref();
  // Answers a dead replica left half done are edited into its deferred reply while the token lives.
  const stopSweeping = startDeliverySweeper(state, { platform: 'discord', leaseMs, finish: discordFinisher(ctx, readyClient.rest) });
  return {
    client: readyClient,
    async stop() {
      await digests.stop();
      clearInterval(pruning);
      await stopSweeping();
      client.removeAllListeners();
      await client.destroy();
    },
  };
}
