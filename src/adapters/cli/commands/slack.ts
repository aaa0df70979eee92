import { println, type Io } from '../io.ts';
import { contextFrom, openCore, parseCommandArgs } from '../options.ts';
import { serveUntilSignal, startPlatforms } from './serve.ts';

const USAGE = 'gomez slack [--corpus DIR]';

/** `gomez slack`: the Bolt app, in Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT. */
export async function runSlack(args: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(args, {}, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}`);
    return 0;
  }
  const ctx = contextFrom(values.corpus);
  const core = await openCore(ctx);
  await serveUntilSignal(await startPlatforms(core, ctx, { discord: false, slack: true }));
  return 0;
}
