import { loadCorpus } from '../../../corpus/load.ts';
import { loadKeyPoints } from '../../../summary/key-points.ts';
import { evaluateSummaries, formatSummaryEval } from '../../../summary/evaluate-summary.ts';
import { println, type Io } from '../io.ts';
import { contextFrom, parseCommandArgs, UsageError } from '../options.ts';

const USAGE = 'gomez eval-summary FILE [--json] [--corpus DIR]';

/** `gomez eval-summary FILE`: scores each named source's digest against its key points. */
export async function runEvalSummary(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}`);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(`give exactly one key-point file\n\nusage: ${USAGE}`);
  const points = loadKeyPoints(file);
  const corpus = loadCorpus(contextFrom(values.corpus).corpusDir);
  const report = await evaluateSummaries(corpus, points);
  println(io.stdout, values.json ? JSON.stringify(report) : formatSummaryEval(report));
  return 0;
}
