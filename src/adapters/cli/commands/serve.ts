import type { GomezCore } from '../../../core.ts';
import { log } from '../../../log.ts';
import { installProcessGuards } from '../../../process-guard.ts';
import { Store } from '../../../store/store.ts';
import { println, type Io } from '../io.ts';
import { contextFrom, openCore, parseCommandArgs, type CommandContext } from '../options.ts';
import { chatLoop } from './chat.ts';

const USAGE = 'gomez serve [--corpus DIR]';

interface Running {
  name: string;
  stop(): Promise<void>;
}

/** Starts the adapters whose tokens are set; with none, the local console. */
export async function runServe(args: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(args, {}, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}\nStarts Discord when DISCORD_TOKEN is set, Slack when SLACK_BOT_TOKEN is set; with neither, the console.`);
    return 0;
  }
  const ctx = contextFrom(values.corpus);
  const core = await openCore(ctx);
  const wantDiscord = ctx.env.DISCORD_TOKEN !== undefined;
  const wantSlack = ctx.env.SLACK_BOT_TOKEN !== undefined || ctx.env.SLACK_APP_TOKEN !== undefined;
  if (!wantDiscord && !wantSlack) {
    log.info('no platform tokens set: starting the local console');
    await chatLoop(core, io, process.stdin);
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

export async function startPlatforms(
  core: GomezCore,
  ctx: CommandContext,
  which: { discord: boolean; slack: boolean },
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
    }
    if (which.slack) {
      const { startSlack } = await import('../../slack/index.ts');
      const app = await startSlack({ core, env: ctx.env, store });
      running.unshift({ name: 'slack', stop: () => app.stop() });
      log.info('slack adapter ready', { port: app.port });
    }
  } catch (error) {
    await Promise.allSettled(running.map((r) => r.stop()));
    throw error;
  }
  return running;
}
