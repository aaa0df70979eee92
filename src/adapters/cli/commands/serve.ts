import type { GomezCore } from '../../../core.ts';
import { ConfigError } from '../../../errors.ts';
import { log } from '../../../log.ts';
import { installProcessGuards } from '../../../process-guard.ts';
import { Store } from '../../../store/store.ts';
import { println, type Io } from '../io.ts';
import { contextFrom, openCore, parseCommandArgs, type CommandContext } from '../options.ts';
import { HEALTH_PATH, startHealthServer } from '../../health-server.ts';
import { chatLoop } from './chat.ts';

const USAGE = 'gomez serve [--corpus DIR]';

interface Running {
  name: string;
  stop(): Promise<void>;
  /** The port /healthz answers on, for the adapter that serves it. */
  healthPort?: number;
}

/** What `serve` looks for, named when it finds none and has no terminal to fall back to. */
export const NO_TOKENS_MESSAGE =
  'No platform token is set (looked for DISCORD_TOKEN, SLACK_BOT_TOKEN and SLACK_APP_TOKEN) and there is no terminal for the console. ' +
  'Set DISCORD_TOKEN for Discord, SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) for Slack, or run it in a terminal (docker run -it) for the console.';

/**
 * Starts the adapters whose tokens are set; with none, the local console when there is a terminal.
 * With neither (a container whose token variable is misspelt) it fails, naming the variables.
 */
export async function runServe(args: string[], io: Io, stdin: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<number> {
  const { values } = parseCommandArgs(args, {}, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}\nStarts Discord when DISCORD_TOKEN is set, Slack when SLACK_BOT_TOKEN is set; with neither, the console.`);
    return 0;
  }
  const ctx = contextFrom(values.corpus);
  const wantDiscord = ctx.env.DISCORD_TOKEN !== undefined;
  const wantSlack = ctx.env.SLACK_BOT_TOKEN !== undefined || ctx.env.SLACK_APP_TOKEN !== undefined;
  if (!wantDiscord && !wantSlack && !stdin.isTTY) throw new ConfigError(NO_TOKENS_MESSAGE);
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
 * Starts the chosen adapters over one store. /healthz answers on PORT in every mode: on Slack's HTTP
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
  const store = Store.open(ctx.dataDir);
  const running: Running[] = [{ name: 'store', stop: async () => store.close() }];
  try {
    if (which.discord) {
      const { startDiscord } = await import('../../discord/index.ts');
      const bot = await startDiscord({ core, env: ctx.env, store });
      running.unshift({ name: 'discord', stop: () => bot.stop() });
      log.info('discord adapter ready');
      if (!which.slack) {
        const health = await startHealthServer(ctx.env.PORT, options.host, () => bot.client.isReady());
        running.unshift({ name: 'health', stop: () => health.close(), healthPort: health.port });
        log.info('health endpoint ready', { port: health.port, path: HEALTH_PATH });
      }
    }
    if (which.slack) {
      const { startSlack } = await import('../../slack/index.ts');
      const app = await startSlack({ core, env: ctx.env, store, ...(options.host ? { host: options.host } : {}) });
      running.unshift({ name: 'slack', stop: () => app.stop(), ...(app.port === undefined ? {} : { healthPort: app.port }) });
      log.info('slack adapter ready', { port: app.port });
    }
  } catch (error) {
    await Promise.allSettled(running.map((r) => r.stop()));
    throw error;
  }
  return running;
}
