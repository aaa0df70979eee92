import { println, type Io } from '../io.ts';
import { contextFrom, openCore, parseCommandArgs } from '../options.ts';
import { renderSummary, styleFor } from '../render.ts';
import { contractSummary } from '../../../answer/contract.ts';

const USAGE = 'gomez summary [topic] [--json] [--corpus DIR]';

/** `gomez summary [topic]`: the themes of the whole corpus, or the points made about one topic. */
export async function runSummary(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}`);
    return 0;
  }
  const ctx = contextFrom(values.corpus);
  const core = await openCore(ctx);
  const topic = positionals.join(' ').trim() || null;
  const summary = await core.summarize({ topic });
  if (values.json) println(io.stdout, JSON.stringify(contractSummary(summary)));
  else println(io.stdout, renderSummary(summary, styleFor(io.stdout as NodeJS.WriteStream)));
  return 0;
}
