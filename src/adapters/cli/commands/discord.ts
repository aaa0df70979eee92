import { println, type Io } from '../io.ts';
import { contextFrom, openCore, parseCommandArgs, UsageError } from '../options.ts';
import { serveUntilSignal, startPlatforms } from './serve.ts';

const USAGE = 'gomez discord [--corpus DIR]\n       gomez discord register [--guild ID]';

/** `gomez discord` runs the gateway bot; `gomez discord register` publishes the slash commands. */
export async function runDiscord(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { guild: { type: 'string' } }, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}`);
    return 0;
  }
  const [sub, ...rest] = positionals;
  if (rest.length > 0 || (sub !== undefined && sub !== 'register')) throw new UsageError(`unexpected argument ${JSON.stringify(sub)}\n\nusage: ${USAGE}`);
  const ctx = contextFrom(values.corpus);
  if (sub === 'register') {
    const { registerDiscordCommands } = await import('../../discord/index.ts');
    const result = await registerDiscordCommands({ env: ctx.env, ...(values.guild ? { guildId: values.guild } : {}) });
    println(io.stdout, values.guild ? `Slash commands published to guild ${values.guild}.` : 'Slash commands published globally (they can take up to an hour to appear).');
    println(io.stdout, `Invite the bot with: ${result.inviteUrl}`);
    return 0;
  }
  if (values.guild) throw new UsageError(`--guild goes with "register"\n\nusage: ${USAGE}`);
  const core = await openCore(ctx);
  await serveUntilSignal(await startPlatforms(core, ctx, { discord: true, slack: false }));
  return 0;
}
