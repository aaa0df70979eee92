/**
 * One measurement of (b), run in its own process so its peak memory is its own:
 *   --phase build   parse the corpus, build the index, save it, then time ~200 questions
 *   --phase load    parse the corpus and load the saved index (the start-up path), then one question
 * Prints one line: RESULT {json}.
 */
import { parseArgs } from 'node:util';
import { ExtractiveAnswerer } from '../src/answer/extractive.ts';
import { Templates } from '../src/answer/templates.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { setLogLevel } from '../src/log.ts';
import { loadSavedIndex, saveIndex } from '../src/search/index-cache.ts';
import { PassageIndex } from '../src/search/passage-index.ts';
import { PassageRetriever } from '../src/search/retriever.ts';
import { benchmarkQuestions } from './questions.ts';
import { replicate } from './replicate.ts';
import { peakRssMb, percentile, timed, timedAsync } from './stats.ts';
import { statSync } from 'node:fs';

setLogLevel('error');
const { values } = parseArgs({
  options: { corpus: { type: 'string' }, copies: { type: 'string' }, data: { type: 'string' }, phase: { type: 'string' } },
});
const copies = Number(values.copies ?? '1');
const parsed = timed(() => loadCorpus(values.corpus!));
const corpus = replicate(parsed.value, copies);
const result: Record<string, number | string> = {
  copies,
  sources: corpus.sources.length,
  passages: corpus.passages.length,
  words: Math.round(corpus.sources.reduce((n, s) => n + s.text.split(/\s+/).length, 0)),
  parseMs: parsed.ms,
  parseCpuMs: parsed.cpuMs,
};

function answererFor(index: PassageIndex): ExtractiveAnswerer {
  // The same wiring as createCore, minus reading the corpus from disk (the replicated corpus is in memory).
  const guest = corpus.sources.find((s) => s.meta.guest)?.meta.guest ?? 'the guest';
  return new ExtractiveAnswerer({ corpus, index, templates: Templates.load(), defaultPerson: { name: guest, speaker: null } });
}

if (values.phase === 'build') {
  const built = timed(() => PassageIndex.build(corpus));
  result.buildMs = built.ms;
  result.buildCpuMs = built.cpuMs;
  result.buildPeakMb = peakRssMb();
  const saved = timed(() => saveIndex(built.value, values.data));
  result.saveMs = saved.ms;
  result.saveCpuMs = saved.cpuMs;
  result.indexMb = statSync(saved.value).size / 1024 / 1024;

  const answerer = answererFor(built.value);
  const retriever = PassageRetriever.fromIndex(built.value);
  const questions = benchmarkQuestions(corpus);
  result.firstAnswerMs = (await timedAsync(() => answerer.ask(questions[0]!))).ms;
  for (const q of questions.slice(0, 10)) await answerer.ask(q); // warm-up
  // Retrieval alone first, then whole answers, so each loop's garbage and pauses are its own.
  // Each question three times, keeping its fastest run: on a shared machine the other jobs' bursts would
  // otherwise decide the p95 (the same for 1× and 4×, so the growth compares like with like).
  const fastest = (run: () => unknown) => {
    const runs = [timed(run), timed(run), timed(run)];
    return { ms: Math.min(...runs.map((r) => r.ms)), cpuMs: Math.min(...runs.map((r) => r.cpuMs)) };
  };
  const searches = questions.map((q) => fastest(() => retriever.searchPassages(q, {}, 12)));
  const fastestAsync = async (run: () => Promise<unknown>) => {
    const runs = [await timedAsync(run), await timedAsync(run), await timedAsync(run)];
    return { ms: Math.min(...runs.map((r) => r.ms)), cpuMs: Math.min(...runs.map((r) => r.cpuMs)) };
  };
  const answers: Array<{ ms: number; cpuMs: number }> = [];
  for (const q of questions) answers.push(await fastestAsync(() => answerer.ask(q)));
  const searchMs = searches.map((t) => t.ms);
  const answerMs = answers.map((t) => t.ms);
  result.searchCpuP50Ms = percentile(searches.map((t) => t.cpuMs), 50);
  result.searchCpuP95Ms = percentile(searches.map((t) => t.cpuMs), 95);
  result.answerCpuP50Ms = percentile(answers.map((t) => t.cpuMs), 50);
  result.answerCpuP95Ms = percentile(answers.map((t) => t.cpuMs), 95);
  result.questions = questions.length;
  result.searchP50Ms = percentile(searchMs, 50);
  result.searchP95Ms = percentile(searchMs, 95);
  result.answerP50Ms = percentile(answerMs, 50);
  result.answerP95Ms = percentile(answerMs, 95);
  const travis = await answerer.ask(questions[0]!);
  result.travisQuote = travis.quotes[0] ? `${travis.quotes[0].speaker}: "${travis.quotes[0].text.slice(0, 90)}" (${travis.quotes[0].source.id}, ${travis.quotes[0].source.locator})` : 'no quote';
} else {
  const loaded = timed(() => loadSavedIndex(corpus, values.data));
  if (!loaded.value) throw new Error('no usable saved index: run the build phase first');
  result.loadMs = loaded.ms;
  result.loadCpuMs = loaded.cpuMs;
  result.firstAnswerMs = (await timedAsync(() => answererFor(loaded.value!).ask('What did Travis Fischer say about starting simple?'))).ms;
}
result.peakMb = peakRssMb();
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
