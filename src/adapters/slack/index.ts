import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ErrorCode, webApi } from '@slack/bolt';
import type { Env } from '../../config/env.ts';
import type { GomezCore } from '../../core.ts';
import { log } from '../../log.ts';
import { Bot } from '../../bot/bot.ts';
import { startDeliverySweeper } from '../../bot/lease.ts';
import { SharedBotState } from '../../bot/shared-state.ts';
import { QuestionLog } from '../../store/questions.ts';
import { channelRecap, recapDays } from '../../digest/channel-recap.ts';
import { slackPlaceOf } from './answers.ts';
import type { StateStore } from '../../store/state.ts';
import { collectProcessMetrics } from '../../web/metrics.ts';
import { createWebHandler, type WebHandler } from '../../web/routes.ts';
import { startWebServer } from '../../web/web-server.ts';
import { registerActions } from './actions/index.ts';
import { registerAssistant } from './assistant.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerCommands } from './commands/index.ts';
import { slackConfigFrom, tokenCheckError, type SlackConfig } from './config.ts';
import { createSlackDigestRunner } from './digest-poster.ts';
import type { SlackDeps } from './deps.ts';
import { registerEvents } from './events/index.ts';
import { InFlight } from './in-flight.ts';
import { dedupeDeliveries, trackInFlight } from './middleware.ts';
import { slackFinisher } from './leased-reply.ts';
import { SealedInstallationStore } from './oauth/installation-store.ts';
import { BOT_SCOPES } from './oauth/scopes.ts';
import { GuardedHttpReceiver, INSTALL_PATH, type InstallOptions } from './receiver.ts';
import { installedWorkspaces, oneWorkspace, type SlackWorkspaces } from './workspaces.ts';

export interface SlackOptions {
  core: GomezCore;
  env: Env;
  /** The state store (SQLite or PostgreSQL). */
  store: StateStore;
  /** Interface the HTTP receiver binds to (default: all; tests use 127.0.0.1). */
  host?: string;
  /** Other handlers to serve on the same port (Discord's HTTP interactions), by path. */
  mounts?: ReadonlyMap<string, WebHandler>;
}

/** A running Slack app. */
export interface RunningSlack {
  /** Stops receiving, then lets answers being written finish. */
  stop(): Promise<void>;
  /** Port of the HTTP receiver (HTTP mode) or of the web server (Socket Mode). */
  port?: number;
  /** Resolves once every request received so far has been fully handled. */
  idle(): Promise<void>;
  /**
   * The Web API client with the bot token, for posts not triggered by a request (scheduled digests).
   * With the OAuth install it has no token: `workspaces` gives each workspace's client.
   */
  client: webApi.WebClient;
  /** The workspace(s) served, each with its own client. */
  workspaces: SlackWorkspaces;
}

/** How long stop() waits for answers in progress before giving up on them. */
const DRAIN_MS = 10_000;
const DAY_MS = 86_400_000;

/**
 * Starts the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, else the HTTP receiver on PORT at
 * /slack/events (receiver.ts: signatures and a two-sided replay window checked, malformed bodies
 * refused, URL verification answered). Either way PORT also serves the web surface (src/web: /healthz,
 * /metrics, the transcript viewer, insights). The bot token is
 * checked with auth.test before anything is served; a rejected token is a ConfigError naming it.
 * With SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (mode `oauth`) there is no single
 * token: workspaces install the app at /slack/install, their tokens are kept sealed in the store, and
 * each request is authorized with its own workspace's token.
 */
export async function startSlack({ core, env, host, mounts, store }: SlackOptions): Promise<RunningSlack> {
  const config = slackConfigFrom(env);
  const web = createWebHandler({ corpus: core.corpus, store, insightsToken: env.INSIGHTS_TOKEN, ...(mounts ? { mounts } : {}) });
  const installations = config.mode === 'oauth' ? new SealedInstallationStore(store.slackInstallations, config.oauth.cipher) : undefined;
  const app = createApp(config, web, installations);
  try {
    await app.init();
  } catch (error) {
    throw tokenCheckError(error, 'SLACK_BOT_TOKEN');
  }
  const workspaces = installations ? installedWorkspaces(installations, clientOptionsOf(config)) : oneWorkspace(app.client);

  const inFlight = new InFlight();
  const state = new SharedBotState(store, { ratePerMinute: env.RATE_LIMIT_PER_MINUTE });
  const leaseMs = env.DELIVERY_LEASE_SECONDS * 1000;
  const bot = new Bot({
    core,
    state,
    observer: { corpus: core.corpus, questions: new QuestionLog(store.questions) },
    // "@Verbatim recap": what this channel asked over the period (the channel is in the conversation key).
    recap: (message, days) => channelRecap(core, store, { platform: 'slack', ...placeOf(message.conversation) }, recapDays(days)),
  });
  const deps: SlackDeps = { core, store, bot, state, leaseMs, workspaces };
  app.use(trackInFlight(inFlight));
  app.use(dedupeDeliveries(state, leaseMs));
  // Before the message listeners: assistant-thread messages stop there.
  registerAssistant(app, deps);
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  // Errors escaping a listener are logged; Bolt keeps serving the next request.
  app.error(async (error) => {
    // OAuth mode: a request from a workspace with no installation (never installed, or uninstalled since)
    // is acknowledged and not answered; that is expected, not a failure of the bot.
    if (error.code === ErrorCode.AuthorizationError) log.warn('slack: request from a workspace without an installation ignored', { error: error.message });
    else log.error('slack: unhandled error in a listener', { error });
  });

  const receiver = await startReceiver(app, config, host, web);
  // Delivery records only need to outlive Slack's retries (minutes); a day's worth is kept.
  const prune = () => void store.deliveries.prune(DAY_MS).catch((error: unknown) => log.warn('slack: could not prune deliveries', { error }));
  prune();
  const pruning = setInterval(prune, 3600_000).unref();
  // Answers a dead replica left half done are finished here, through the placeholder it posted.
  const stopSweeping = startDeliverySweeper(state, { platform: 'slack', leaseMs, finish: slackFinisher(deps) });
  // Scheduled channel digests (src/digest), posted with each subscription's workspace client until the app stops.
  const digests = createSlackDigestRunner({ workspaces, core, store });
  digests.start();
  log.info('slack: ready', { mode: config.mode, port: receiver.port, ...(config.mode === 'oauth' ? { installPath: INSTALL_PATH } : {}) });
  return {
    port: receiver.port,
    client: app.client,
    workspaces,
    idle: () => inFlight.idle(),
    async stop() {
      await digests.stop();
      clearInterval(pruning);
      await stopSweeping();
      await app.stop();
      await receiver.close();
      await Promise.race([inFlight.idle(), new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
    },
  };
}

/** The recap's place from a conversation key: its channel, and its workspace when there are many. */
function placeOf(conversation: string): { channelId: string; workspace?: string } {
  const place = slackPlaceOf(conversation);
  return place.workspace ? { channelId: place.channel, workspace: place.workspace } : { channelId: place.channel };
}

/**
 * A few retries over minutes ride out a Slack blip; the default (ten over half an hour) would hold an
 * answer, or start-up, far too long.
 */
function clientOptionsOf(config: SlackConfig): webApi.WebClientOptions {
  return { slackApiUrl: config.apiUrl, retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes, logger: boltLogger() };
}

function createApp(config: SlackConfig, web: WebHandler, installations: SealedInstallationStore | undefined): App {
  const common = {
    // The token is checked by app.init(), where a rejection can be reported as a ConfigError.
    deferInitialization: true,
    clientOptions: clientOptionsOf(config),
    logger: boltLogger(),
    // Handlers keep their own state in the store; Bolt's in-memory conversation store is unused.
    convoStore: false as const,
  };
  if (config.mode === 'socket') {
    return new App({ ...common, token: config.botToken, socketMode: true, appToken: config.appToken });
  }
  collectProcessMetrics();
  // With the OAuth install Bolt takes `authorize` from the receiver's installer: each request gets its workspace's token.
  const install = config.mode === 'oauth' && installations ? installOptions(config, installations) : undefined;
  const receiver = new GuardedHttpReceiver({ signingSecret: config.signingSecret, logger: common.logger, web, ...(install ? { install } : {}) });
  return new App({ ...common, ...(config.mode === 'http' ? { token: config.botToken } : {}), receiver });
}

function installOptions(config: Extract<SlackConfig, { mode: 'oauth' }>, installationStore: SealedInstallationStore): InstallOptions {
  return {
    clientId: config.oauth.clientId,
    clientSecret: config.oauth.clientSecret,
    stateSecret: config.oauth.stateSecret,
    installationStore,
    scopes: [...BOT_SCOPES],
    // Slack's consent page sits beside its Web API (https://slack.com/oauth/v2/authorize next to
    // https://slack.com/api/), so a SLACK_API_URL pointing elsewhere (a test's fake) moves both.
    ...(config.apiUrl ? { authorizationUrl: new URL('../oauth/v2/authorize', config.apiUrl).toString() } : {}),
    clientOptions: clientOptionsOf(config),
  };
}

/** Starts receiving; returns the bound port and what else has to be closed on stop. */
async function startReceiver(
  app: App,
  config: SlackConfig,
  host: string | undefined,
  web: WebHandler,
): Promise<{ port: number; close(): Promise<void> }> {
  if (config.mode === 'socket') {
    try {
      await app.start();
    } catch (error) {
      throw tokenCheckError(error, 'SLACK_APP_TOKEN');
    }
    try {
      return await startWebServer(web, config.port, host);
    } catch (error) {
      await app.stop();
      throw error;
    }
  }
  const server = (await app.start(host ? { port: config.port, host } : config.port)) as Server;
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : config.port;
  return { port, close: async () => {} };
}
