/** Turns the benchmark figures into a terminal report and docs/benchmarks.md. */
import type { ColdStart } from './cold-start.ts';
import type { Machine } from './machine.ts';
import type { SeedResult } from './seed.ts';
import { fmtMb, fmtMs, fmtPct } from './stats.ts';
import { markdownTable, textTable, type Row } from './table.ts';

export interface ScaleRun {
  copies: number;
  build: Record<string, number | string>;
  load: Record<string, number | string>;
}

interface Input {
  machine: Machine;
  seed: SeedResult;
  scale: ScaleRun[];
  cold: ColdStart[];
}

interface Section {
  title: string;
  header: Row;
  rows: Row[];
  note?: string;
}

const num = (x: number | string | undefined): number => (typeof x === 'number' ? x : Number.NaN);

function seedSection(seed: SeedResult): Section {
  return {
    title: '(a) Seed corpus: our retriever + extractive answerer vs an afternoon baseline and LangChain BM25Retriever',
    header: ['eval set', 'questions (answerable)', 'hit@3 ours', 'hit@3 afternoon', 'hit@3 afternoon + terms', 'hit@3 BM25', 'latency ours (answer) p50 / p95', 'latency BM25 (retrieve) p50 / p95', 'refusal acc.', 'non-verbatim', 'misattributed'],
    rows: seed.rows.map((r) => [
      r.set,
      `${r.questions} (${r.answerable})`,
      fmtPct(r.oursHitAt3),
      fmtPct(r.afternoonHitAt3),
      fmtPct(r.afternoonTermsHitAt3),
      fmtPct(r.bm25HitAt3),
      `${fmtMs(r.oursAnswerMedianMs)} / ${fmtMs(r.oursAnswerP95Ms)}`,
      `${fmtMs(r.bm25MedianMs)} / ${fmtMs(r.bm25P95Ms)}`,
      fmtPct(r.refusalAccuracy),
      r.nonVerbatim,
      r.misattributed,
    ]),
    note: `The afternoon baseline (bench/afternoon.ts) is MiniSearch BM25 over the guest's sentences with jieba for the Chinese and the stemmed English translation beside it (and, in the second column, the corpus's search terms), top three sentences, no refusal, no follow-up handling; a follow-up is searched as it stands. BM25Retriever gets ${seed.chunks} chunks of the same transcript (RecursiveCharacterTextSplitter, 500 characters, no overlap), k = 3; a hit is a chunk overlapping a gold sentence. Ours is the full answer (retrieval, sentence selection, verification, lead), target median < 10 ms. createCore on the seed corpus took ${fmtMs(seed.coreStartMs)}.`,
  };
}

function scaleSection(runs: ScaleRun[]): Section | null {
  if (runs.length === 0) return null;
  const one = runs.find((r) => r.copies === 1);
  const four = runs.find((r) => r.copies === 4);
  const cols = runs.map((r) => `${r.copies}×`);
  const growth = (pick: (r: ScaleRun) => number): string => (one && four ? `${(pick(four) / pick(one)).toFixed(2)}×` : '–');
  const row = (label: string, pick: (r: ScaleRun) => number, fmt: (x: number) => string, target = ''): Row => [label, ...runs.map((r) => fmt(pick(r))), ...(four ? [growth(pick)] : []), target];
  const count = (x: number) => x.toLocaleString('en-US');
  // "wall (cpu)": the machine is shared, so the process's own CPU time is shown beside the wall clock.
  const both = (wall: string, cpu: string) => (r: ScaleRun): string => `${fmtMs(num(r.build[wall] ?? r.load[wall]))} (${fmtMs(num(r.build[cpu] ?? r.load[cpu]))} cpu)`;
  const rowText = (label: string, pick: (r: ScaleRun) => string, target = ''): Row => [label, ...runs.map(pick), ...(four ? [''] : []), target];
  return {
    title: '(b) Scale: ../shared/corpora/changelog (The Changelog + Practical AI transcripts), and the same corpus ×4 in memory',
    header: ['measure', ...cols, ...(four ? ['growth 4×/1×'] : []), 'target (1×)'],
    rows: [
      row('transcripts', (r) => num(r.build.sources), count),
      row('passages', (r) => num(r.build.passages), count),
      row('words', (r) => num(r.build.words), count),
      rowText('parse corpus (read + hash + parse), wall (cpu)', both('parseMs', 'parseCpuMs')),
      rowText('index build, wall (cpu)', both('buildMs', 'buildCpuMs'), '< 60 s'),
      row('index build, cpu time', (r) => num(r.build.buildCpuMs), fmtMs),
      row('peak memory, build process (VmHWM)', (r) => num(r.build.peakMb), fmtMb, '< 1.5 GB'),
      row('saved index size', (r) => num(r.build.indexMb), fmtMb),
      rowText('save (atomic write), wall (cpu)', both('saveMs', 'saveCpuMs')),
      rowText('saved-index load (fresh process), wall (cpu)', (r) => `${fmtMs(num(r.load.loadMs))} (${fmtMs(num(r.load.loadCpuMs))} cpu)`, '< 3 s'),
      row('peak memory, start-up from saved index', (r) => num(r.load.peakMb), fmtMb, '< 1.5 GB'),
      row('first answer after start-up', (r) => num(r.load.firstAnswerMs), fmtMs),
      row('retrieval p50 (wall)', (r) => num(r.build.searchP50Ms), fmtMs),
      row('retrieval p95 (wall)', (r) => num(r.build.searchP95Ms), fmtMs, '< 50 ms, sub-linear'),
      row('retrieval p95 (cpu)', (r) => num(r.build.searchCpuP95Ms), fmtMs),
      row('full answer p50 (wall)', (r) => num(r.build.answerP50Ms), fmtMs),
      row('full answer p95 (wall)', (r) => num(r.build.answerP95Ms), fmtMs, '< 50 ms, sub-linear'),
      row('full answer p95 (cpu)', (r) => num(r.build.answerCpuP95Ms), fmtMs),
    ],
    note: `Query latency over ${String(one?.build.questions ?? four?.build.questions ?? '~200')} questions ("What did <speaker> say about <topic>?" for the 60 most frequent speakers, and plain topic questions), after a 10-question warm-up; each question runs three times and its fastest run counts. Retrieval = PassageRetriever.searchPassages (k 12); full answer = ExtractiveAnswerer.ask. Example (1×): ${String(one?.build.travisQuote ?? four?.build.travisQuote ?? '')}`,
  };
}

function coldSection(cold: ColdStart[]): Section {
  return {
    title: '(c) Cold start: `node bin/gomez.js ask "…" --json` as a whole process',
    header: ['corpus', 'first run', 'median of the next runs', 'runs', 'output ok', 'target'],
    rows: cold.map((c) => [c.corpus.includes('changelog') ? 'changelog (saved index present)' : 'seed (repository corpus/)', fmtMs(c.firstMs), fmtMs(c.medianMs), c.runs, c.ok ? 'yes' : 'NO', c.corpus.includes('changelog') ? '–' : '< 1.5 s']),
    note: 'Each run is a new process with a fresh DATA_DIR for the seed corpus: the first run builds and saves the index, the next ones load it. The changelog runs reuse the index saved in (b).',
  };
}

const PREFACE = `# Benchmarks

Run with \`npm run bench\` (one run prints everything below and rewrites this file; \`--quick\` skips the 4×
corpus, \`--no-scale\` skips (b), \`--no-write\` only prints). It is not part of \`npm test\`. Part (b) needs
\`../shared/corpora/changelog\` and is skipped without it. Figures are measured, never asserted in tests.

What is compared and why:
- (a) The question the bot answers is "which passage did *this person* say this in". LangChain's stock
  \`BM25Retriever\` over 500-character chunks is the baseline a LangChain user would start from: it splits on
  whitespace, so on a Chinese transcript it hardly matches anything. Ours is \`PassageRetriever\` (speaker- and
  role-aware, jieba segmentation, English stemming, the team's English translations indexed beside the
  original) followed by the extractive answerer.
- (b) The search index keeps MiniSearch's BM25+ scoring bit for bit but stores postings as typed arrays
  (src/search/term-index.ts). With MiniSearch itself this corpus took 124 s to index, 0.7–3 s per question
  and met none of the targets (the first measurement, before src/search/term-index.ts replaced it). So that the cost of a question
  does not grow with the corpus, a term whose postings in a field exceed 8,192 documents is scored, in
  unfiltered or broad searches, on its 4,096 best documents there (a champion list); narrower searches (one
  speaker) and every list of a small corpus (the seed: all of it) are scored exactly. The index is saved
  under DATA_DIR, keyed by the corpus content hash, the index version and the tokeniser signature, as
  checksummed JSON lines written atomically (src/search/index-cache.ts); \`gomez index\` builds it ahead of
  time with a progress bar, and start-up loads it while the corpus is unchanged.
- (c) The whole process: node start-up (bin/gomez.js runs the compiled dist/ when \`npm run build\` has made it,
  else src/ through tsx), reading and parsing the corpus, loading the saved index, one answer.

How to read the figures:
- The machine is shared (2 cores, several other jobs; see the load average), so wall-clock times are
  pessimistic and vary between runs; the CPU time of the measuring process is given beside them and is the
  steadier figure. Peak memory is the process's VmHWM.
- ×4 is the changelog corpus repeated four times in memory (3,120 transcripts, 33 million words): every
  cost that grows with the corpus shows in the growth column. Query times are the fastest of three runs of
  each question (the other jobs on the machine would otherwise decide the p95).
- Known limits at ×4: building (≈ 60 s) and loading the saved index (≈ 5–6 s) grow linearly and exceed the
  1× budgets; a speaker-filtered search still scans the full postings of its terms (exact), so its cost
  grows with the corpus. Without champion lists, exhaustive scoring grew 5–7.5× at ×4 (memory-bound);
  exact dynamic pruning (MaxScore) was simulated and would skip ~70 % of postings but probe ~3,600
  candidates per question, costing more than it saves at this size.
- Start-up at scale is dominated by reading and parsing the transcripts (row "parse corpus"), not by the
  saved index; saving the parsed passages beside the index would remove most of it.
`;

export function renderReport(input: Input): { text: string; markdown: string } {
  const m = input.machine;
  const machineLine = `${m.date} — ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM, Node ${m.node}, load average at start ${m.loadAverage}`;
  const sections = [seedSection(input.seed), scaleSection(input.scale), coldSection(input.cold)].filter((s): s is Section => s !== null);
  const text = [machineLine, ...sections.map((s) => `\n${s.title}\n${textTable(s.header, s.rows)}${s.note ? `\n${s.note}` : ''}`)].join('\n');
  const markdown = [
    PREFACE.trimEnd(),
    `## Results\n\nMachine: ${machineLine}.`,
    ...sections.map((s) => `### ${s.title}\n\n${markdownTable(s.header, s.rows)}${s.note ? `\n\n${s.note}` : ''}`),
  ].join('\n\n') + '\n';
  return { text, markdown };
}
