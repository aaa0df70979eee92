import cliProgress from 'cli-progress';
import { loadCorpus } from '../../../corpus/load.ts';
import { loadSavedIndex, saveIndex } from '../../../search/index-cache.ts';
import { PassageIndex } from '../../../search/passage-index.ts';
import { println, type Io } from '../io.ts';
import { contextFrom, parseCommandArgs } from '../options.ts';

const USAGE = 'gomez index [--corpus DIR] [--force]';

/**
 * `gomez index`: builds the search index of the corpus and saves it under DATA_DIR, so start-up loads it
 * instead of rebuilding. An index saved for the same corpus (content hash) is kept unless --force.
 * Progress goes to stderr; the one-line result to stdout.
 */
export async function runIndex(args: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(args, { force: { type: 'boolean' } }, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}`);
    return 0;
  }
  const ctx = contextFrom(values.corpus);
  const started = performance.now();
  println(io.stderr, `Reading the corpus in ${ctx.corpusDir}…`);
  const corpus = loadCorpus(ctx.corpusDir);
  const sizes = `${corpus.sources.length} transcripts, ${corpus.passages.length} passages`;

  if (!values.force && loadSavedIndex(corpus, ctx.dataDir)) {
    println(io.stdout, `The saved index is up to date (${sizes}); use --force to rebuild it.`);
    return 0;
  }

  const bar = new cliProgress.SingleBar(
    { stream: io.stderr, format: 'Indexing [{bar}] {percentage}% | {value}/{total} passages | {duration_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(corpus.passages.length, 0);
  let index: PassageIndex;
  try {
    index = PassageIndex.build(corpus, { onProgress: (done) => bar.update(done) });
    bar.update(corpus.passages.length);
  } finally {
    bar.stop();
  }
  const path = saveIndex(index, ctx.dataDir);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  println(io.stdout, `Indexed ${sizes} in ${seconds} s; saved to ${path}`);
  return 0;
}
