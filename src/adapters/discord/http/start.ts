import { Client, Routes } from 'discord.js';
import { startDeliverySweeper } from '../../../bot/lease.ts';
import { requireVars, type Env } from '../../../config/env.ts';
import type { GomezCore } from '../../../core.ts';
import { log } from '../../../log.ts';
import type { StateStore } from '../../../store/state.ts';
import type { WebHandler } from '../../../web/routes.ts';
import { createDiscordContext } from '../bot-context.ts';
import { restOptions } from '../client.ts';
import { createDiscordDigestRunner } from '../digest-poster.ts';
import { loginError } from '../login-error.ts';
import { NO_MENTIONS } from '../mentions.ts';
import { createInteractionsEndpoint, INTERACTIONS_PATH } from './endpoint.ts';
import { InitialResponses } from './initial-responses.ts';
import { discordFinisher } from '../takeover.ts';
import { SignatureVerifier } from './signature.ts';

export { INTERACTIONS_PATH };

const PRUNE_EVERY_MS = 3_600_000;
/** How long stop() waits for answers being written. */
const DRAIN_MS = 10_000;

export interface StartDiscordHttpOptions {
  core: GomezCore;
  env: Env;
  /** The state store (SQLite or PostgreSQL). */
  store: StateStore;
  /** How long one core call may take before the user is told to try again (default 60 s). */
  answerTimeoutMs?: number;
  /** When the endpoint acknowledges for a handler that has not answered yet (default 2.5 s of Discord's 3). */
  acknowledgeAfterMs?: number;
}

/** The Discord bot in HTTP interactions mode: a request handler to mount at INTERACTIONS_PATH. */
export interface RunningDiscordHttp {
  handler: WebHandler;
  /** A discord.js client that never logs in: its REST sends follow-ups, edits and digests. */
  client: Client;
  stop(): Promise<void>;
}

/**
 * Discord without a gateway connection (DISCORD_PUBLIC_KEY set): interactions arrive as signed HTTP
 * requests, answered by the same handlers as in gateway mode; follow-ups, edits and scheduled digests go
 * over REST. DISCORD_TOKEN is still needed for digests (channel posts) and is checked at start.
 */
export async function startDiscordHttp({ core, env, store, answerTimeoutMs = 60_000, acknowledgeAfterMs = 2_500 }: StartDiscordHttpOptions): Promise<RunningDiscordHttp> {
  requireVars(env, ['DISCORD_PUBLIC_KEY', 'DISCORD_TOKEN'], 'answer Discord interactions over HTTP');
  const ctx = createDiscordContext(core, env, store, answerTimeoutMs);
  const responses: InitialResponses = new InitialResponses((): Client['rest'] => client.rest);
  const client: Client = new Client({ intents: [], allowedMentions: NO_MENTIONS, rest: { ...restOptions(env), makeRequest: responses.makeRequest } });
  client.rest.setToken(env.DISCORD_TOKEN!);
  try {
    await client.rest.get(Routes.user('@me'));
  } catch (error) {
    await client.destroy();
    throw loginError(error);
  }

  const inFlight = new Set<Promise<void>>();
  const handler = createInteractionsEndpoint({
    ctx,
    client,
    verifier: new SignatureVerifier(env.DISCORD_PUBLIC_KEY!),
    responses,
    acknowledgeAfterMs,
    track(handling) {
      inFlight.add(handling);
      void handling.finally(() => inFlight.delete(handling));
    },
  });
  const { store: state, state: shared, leaseMs } = ctx;
  const digests = createDiscordDigestRunner({ client, core, store: state });
  digests.start();
  // Dedupe keys only matter while a replay is possible; drop old ones so the table stays small.
  const pruning = setInterval(
    () => void state.deliveries.prune(PRUNE_EVERY_MS * 24).catch((error: unknown) => log.warn('discord: could not prune deliveries', { error })),
    PRUNE_EVERY_MS,
  );
  pruning.unref();
  // A replica that died after deferring leaves its lease to run out; any replica then edits the answer
  // into that deferred reply (@original) through the interaction's webhook while the token lives.
  const stopSweeping = startDeliverySweeper(shared, { platform: 'discord', leaseMs, finish: discordFinisher(ctx, client.rest) });
  log.info('discord: answering interactions over HTTP (no gateway)', { path: INTERACTIONS_PATH });
  return {
    handler,
    client,
    async stop() {
      await digests.stop();
      clearInterval(pruning);
      await stopSweeping();
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
      await client.destroy();
    },
  };
}
