import { fstatSync } from 'node:fs';
import { portGiven } from '../../../config/env.ts';
import type { GomezCore } from '../../../core.ts';
import { ConfigError } from '../../../errors.ts';
import { log } from '../../../log.ts';
import { installProcessGuards } from '../../../process-guard.ts';
import { openStateStore } from '../../../store/open-state.ts';
import { createWebHandler, HEALTH_PATH, type WebHandler } from '../../../web/routes.ts';
import { startWebServer } from '../../../web/web-server.ts';
import { println, type Io } from '../io.ts';
import { contextFrom, openCore, parseCommandArgs, type CommandContext } from '../options.ts';
import { chatLoop } from './chat.ts';

const USAGE = 'gomez serve [--corpus DIR]';

interface Running {
  name: string;
  stop(): Promise<void>;
  /** The port /healthz answers on, for the adapter that serves it. */
  healthPort?: number;
}

/**
 * Whether questions are piped in (`echo "…" | npm start`): a pipe, file or socket on stdin is someone
 * talking to the console; /dev/null (a container started without -i) is not.
 */
function stdinIsPiped(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isFile() || stat.isSocket();
  } catch {
    return false;
  }
}

/** What `serve` looks for, named when it finds none and has no terminal to fall back to. */
export const NO_TOKENS_MESSAGE =
  'No platform token is set (looked for DISCORD_TOKEN, DISCORD_PUBLIC_KEY, SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_CLIENT_ID) and there is no terminal for the console. ' +
  'Set DISCORD_TOKEN for Discord, SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) for Slack, ' +
  'SLACK_CLIENT_ID with SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SLACK_TOKEN_ENCRYPTION_KEY and SLACK_SIGNING_SECRET for Slack in many workspaces, or run it in a terminal (docker run -it) for the console.';

/**
 * Starts the adapters whose tokens are set; with none, the local console when there is a terminal.
 * With neither (a container whose token variable is misspelt) it fails, naming the variables.
 */
export async function runServe(args: string[], io: Io, stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<number> {
  const { values } = parseCommandArgs(args, {}, USAGE);
  if (values.help) {
    println(
      io.stdout,
      `usage: ${USAGE}\nStarts Discord when DISCORD_TOKEN is set, Slack when SLACK_BOT_TOKEN is set; with neither, the console ` +
        '(or, when PORT is set, only the web server: transcript viewer, insights, /metrics).',
    );
    return 0;
  }
  const ctx = contextFrom(values.corpus);
  const wantDiscord = ctx.env.DISCORD_TOKEN !== undefined || ctx.env.DISCORD_PUBLIC_KEY !== undefined;
  // SLACK_CLIENT_ID: the app installed into many workspaces, each with its own token (no SLACK_BOT_TOKEN).
  const wantSlack = ctx.env.SLACK_BOT_TOKEN !== undefined || ctx.env.SLACK_APP_TOKEN !== undefined || ctx.env.SLACK_CLIENT_ID !== undefined;
  if (!wantDiscord && !wantSlack && portGiven()) {
    // A deployment with no chat platform still serves the viewer, insights and metrics; no console.
    const core = await openCore(ctx);
    log.info('no platform tokens set, PORT set: serving the web surface only');
    await serveUntilSignal(await startPlatforms(core, ctx, { discord: false, slack: false }));
    return 0;
  }
  if (!wantDiscord && !wantSlack && !stdin.isTTY && !(stdin === process.stdin && stdinIsPiped())) throw new ConfigError(NO_TOKENS_MESSAGE);
  const core = await openCore(ctx);
  if (!wantDiscord && !wantSlack) {
    log.info('no platform tokens set: starting the local console');
    await chatLoop(core, io, stdin);
    return 0;
  }
  await serveUntilSignal(await startPlatforms(core, ctx, { discord: wantDiscord, slack: wantSlack }));
  return 0;
}

/** Keeps the adapters running until SIGINT/SIGTERM, then stops them all. */
export async function serveUntilSignal(running: Running[]): Promise<void> {
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log.info('shutting down', { adapters: running.map((r) => r.name) });
  await Promise.allSettled(running.map((r) => r.stop()));
}

/**
 * Starts the chosen adapters over one state store (openStateStore). /healthz answers on PORT in every mode: on Slack's HTTP
 * receiver or Socket Mode health server, else (Discord alone) on a health server of its own that
 * reports the gateway connection.
 */
export async function startPlatforms(
  core: GomezCore,
  ctx: CommandContext,
  which: { discord: boolean; slack: boolean },
  options: { host?: string } = {},
): Promise<Running[]> {
  // From here on the process serves others: one bad request must not end it (see process-guard.ts).
  installProcessGuards();
  // PostgreSQL when DATABASE_URL is set (shared by every replica), else the SQLite file in DATA_DIR.
  const store = await openStateStore({ databaseUrl: ctx.env.DATABASE_URL, dataDir: ctx.dataDir });
  const running: Running[] = [{ name: 'store', stop: () => store.close() }];
  try {
    let healthy: (() => boolean) | undefined;
    const mounts = new Map<string, WebHandler>();
    if (which.discord && ctx.env.DISCORD_PUBLIC_KEY !== undefined) {
      // HTTP interactions mode: no gateway; Discord posts to /discord/interactions on PORT.
      const { startDiscordHttp, INTERACTIONS_PATH } = await import('../../discord/index.ts');
      const bot = await startDiscordHttp({ core, env: ctx.env, store });
      running.unshift({ name: 'discord', stop: () => bot.stop() });
      mounts.set(INTERACTIONS_PATH, bot.handler);
    } else if (which.discord) {
      const { startDiscord } = await import('../../discord/index.ts');
      const bot = await startDiscord({ core, env: ctx.env, store });
      running.unshift({ name: 'discord', stop: () => bot.stop() });
      log.info('discord adapter ready');
      // /healthz reports the gateway connection, so a bot whose connection is gone gets restarted.
      healthy = () => bot.client.isReady();
    }
    if (which.slack) {
      const { startSlack } = await import('../../slack/index.ts');
      const app = await startSlack({ core, env: ctx.env, store, mounts, ...(options.host ? { host: options.host } : {}) });
      running.unshift({ name: 'slack', stop: () => app.stop(), ...(app.port === undefined ? {} : { healthPort: app.port }) });
      log.info('slack adapter ready', { port: app.port });
    }
    // Slack serves the web surface (and /healthz) on PORT itself; Discord alone always gets a server for
    // /healthz (and the viewer, insights, /metrics); with no platform, only when PORT is set.
    if (!which.slack && (which.discord || portGiven())) {
      const web = createWebHandler({ corpus: core.corpus, store, insightsToken: ctx.env.INSIGHTS_TOKEN, mounts, ...(healthy ? { healthy } : {}) });
      const server = await startWebServer(web, ctx.env.PORT, options.host);
      running.unshift({ name: 'web', stop: () => server.close(), healthPort: server.port });
      log.info('web server ready', { port: server.port, path: HEALTH_PATH });
    }
  } catch (error) {
    await Promise.allSettled(running.map((r) => r.stop()));
    throw error;
  }
  return running;
}
