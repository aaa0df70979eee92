import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { CorpusError } from '../../src/errors.ts';

/** The repository's own corpus (never /work/shared: tests must run on a fresh clone). */
export const REPO_CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));
export const SEED = '000_f1adc335df00c9b8';

/** Metadata shaped like the seed's, for small qa-article fixtures. */
export const QA_META = {
  title: 'Fixture interview',
  url: 'https://example.com/video',
  language: 'zh',
  host: 'Harry Stebbings',
  guest: 'Aidan Gomez',
  format: 'qa-article',
  speakers: { Q: 'host', 'Aidan Gomez': 'guest' },
  speakerNames: { Q: 'Harry Stebbings' },
};

const made: string[] = [];

/** Writes files (path relative to a new temp corpus dir -> text or raw bytes) and returns the dir. */
export function writeCorpus(files: Record<string, string | Buffer | object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gomez-corpus-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content);
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

/** JSON lines for a translation file. */
export function jsonl(rows: Array<{ line: number; text: string; en: string }>): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

export function removeFixtures(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under dir with its bytes and modification time, to prove loading writes nothing. */
export function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const out = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else out.set(relative(dir, path), { bytes: readFileSync(path), mtimeMs: st.mtimeMs });
    }
  };
  walk(dir);
  return out;
}

/** Runs fn, expects a CorpusError, and returns it for further checks. */
export function corpusErrorFrom(fn: () => unknown): CorpusError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CorpusError);
  if (!(caught instanceof CorpusError)) throw new Error('unreachable: expected a CorpusError');
  return caught;
}
