import { evaluate } from '../../../eval/evaluate.ts';
import { formatEvalReport } from '../../../eval/report.ts';
import { println, type Io } from '../io.ts';
import { contextFrom, openCore, parseCommandArgs, UsageError } from '../options.ts';

const USAGE = 'gomez eval FILE [--json] [--corpus DIR]';

/** `gomez eval FILE`: scores a question set and prints hit@k, refusal accuracy and quote integrity. */
export async function runEval(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}`);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(`give exactly one question file\n\nusage: ${USAGE}`);
  const ctx = contextFrom(values.corpus);
  const core = await openCore(ctx);
  const report = await evaluate(core, file);
  println(io.stdout, values.json ? JSON.stringify(report) : formatEvalReport(report));
  return 0;
}
