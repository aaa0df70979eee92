/**
 * `npm run bench`: one run, side by side —
 *   (a) retrieval quality and latency on the seed corpus, ours vs LangChain's stock BM25Retriever
 *   (b) scale on ../shared/corpora/changelog (when present), at 1× and 4× its size
 *   (c) cold start of `gomez ask --json` as a whole process
 * and writes the figures to docs/benchmarks.md (with the machine and date), keeping its hand-written
 * sections (bench/manual-sections.ts); then
 *   (e) answers per second with 1 and 3 `gomez slack` replicas on PostgreSQL (bench/replicas.ts, which
 *       rewrites its own section, or says SKIPPED when no PostgreSQL server answers).
 * Options: --quick (skip 4×), --no-scale (skip b), --no-replicas (skip e), --no-write (print only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setLogLevel } from '../src/log.ts';
import { coldStart, type ColdStart } from './cold-start.ts';
import { describeMachine } from './machine.ts';
import { keepManualSections } from './manual-sections.ts';
import { renderReport, type ScaleRun } from './report.ts';
import { runSeed } from './seed.ts';

setLogLevel('error');
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, 'no-scale': { type: 'boolean' }, 'no-replicas': { type: 'boolean' }, 'no-write': { type: 'boolean' } },
});
const say = (text: string) => process.stderr.write(`${text}\n`);

function worker(corpus: string, copies: number, data: string, phase: 'build' | 'load'): Record<string, number | string> {
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=8192', join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/scale-worker.ts'), '--corpus', corpus, '--copies', String(copies), '--data', data, '--phase', phase],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LOG_LEVEL: 'error' } },
  );
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (run.status !== 0 || !line) throw new Error(`scale worker (${phase}, ${copies}×) failed:\n${run.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('RESULT '.length)) as Record<string, number | string>;
}

const machine = describeMachine();
say(`Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAverage}`);

say('(a) seed corpus: ours vs BM25Retriever…');
const seed = await runSeed(ROOT, join(ROOT, 'corpus'));

const changelog = resolve(ROOT, '../shared/corpora/changelog');
const scale: ScaleRun[] = [];
const cold: ColdStart[] = [];
const data = mkdtempSync(join(tmpdir(), 'gomez-bench-index-'));
try {
  if (!values['no-scale'] && existsSync(changelog)) {
    for (const copies of values.quick ? [1] : [1, 4]) {
      say(`(b) changelog ×${copies}: build, save, ~200 questions…`);
      // One data directory per size: saving an index removes saved indexes of other corpora.
      const dir = join(data, `x${copies}`);
      const build = worker(changelog, copies, dir, 'build');
      say(`(b) changelog ×${copies}: start-up from the saved index…`);
      const load = worker(changelog, copies, dir, 'load');
      scale.push({ copies, build, load });
    }
  } else if (!existsSync(changelog)) {
    say(`(b) skipped: ${changelog} is not there`);
  }

  say('(c) cold start of `gomez ask --json`…');
  cold.push(coldStart(ROOT, join(ROOT, 'corpus'), 5));
  if (scale.length > 0) cold.push(coldStart(ROOT, changelog, 3, 'What did Travis Fischer say about starting simple?', join(data, 'x1')));
} finally {
  rmSync(data, { recursive: true, force: true });
}

const report = renderReport({ machine, seed, scale, cold });
process.stdout.write(report.text + '\n');
if (!values['no-write']) {
  const file = join(ROOT, 'docs/benchmarks.md');
  // Sections measured by other scripts (npm run bench:store) are written by hand and kept.
  writeFileSync(file, keepManualSections(report.markdown, existsSync(file) ? readFileSync(file, 'utf8') : undefined));
  say('Wrote docs/benchmarks.md');
}

if (!values['no-replicas']) {
  say('(e) replicas on PostgreSQL: 1 and 3 `gomez slack` processes…');
  // Its own process: it starts replicas and a fake Slack, and writes only its own section.
  const replicas = spawnSync(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/replicas.ts'), ...(values['no-write'] ? ['--no-write'] : [])], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (replicas.status !== 0) throw new Error(`bench/replicas.ts failed (exit ${replicas.status})`);
}
