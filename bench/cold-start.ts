/** (c) Cold start of `gomez ask "…" --json` as a whole process: median wall time of a few runs. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.ts';

export interface ColdStart {
  corpus: string;
  firstMs: number;
  medianMs: number;
  runs: number;
  ok: boolean;
}

/**
 * Runs the CLI `runs` times. With a fresh DATA_DIR the first run builds and saves the index and the rest
 * load it; with `dataDir` holding a saved index already, every run loads it.
 */
export function coldStart(root: string, corpusDir: string, runs = 5, question = 'What did Gomez say about synthetic data?', dataDir?: string): ColdStart {
  const data = dataDir ?? mkdtempSync(join(tmpdir(), 'gomez-bench-data-'));
  const times: number[] = [];
  let ok = true;
  try {
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const run = spawnSync(process.execPath, [join(root, 'bin/gomez.js'), 'ask', question, '--json', '--corpus', corpusDir], {
        cwd: root,
        env: { ...process.env, DATA_DIR: data, LOG_LEVEL: 'error', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      times.push(performance.now() - start);
      if (run.status !== 0 || !run.stdout.trim().startsWith('{')) ok = false;
    }
  } finally {
    if (!dataDir) rmSync(data, { recursive: true, force: true });
  }
  return { corpus: corpusDir, firstMs: times[0]!, medianMs: median(times.slice(1)), runs, ok };
}
