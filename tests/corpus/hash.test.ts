import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';

const dirs: string[] = [];
function copyOfSeed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gomez-hash-'));
  dirs.push(dir);
  cpSync('corpus', dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('corpus hash', () => {
  it('is the same for the same files, whatever directory they are in', () => {
    expect(loadCorpus(copyOfSeed()).hash).toBe(loadCorpus('corpus').hash);
  });

  it('changes when the metadata or the translation file changes', () => {
    const base = loadCorpus('corpus').hash;
    const meta = copyOfSeed();
    appendFileSync(join(meta, '000_f1adc335df00c9b8.meta.json'), '\n');
    expect(loadCorpus(meta).hash).not.toBe(base);
    const translation = copyOfSeed();
    appendFileSync(join(translation, '000_f1adc335df00c9b8.en.jsonl'), '\n');
    expect(loadCorpus(translation).hash).not.toBe(base);
  });

  it('ignores files that are not part of the corpus', () => {
    const dir = copyOfSeed();
    writeFileSync(join(dir, 'README'), 'notes about the corpus');
    expect(loadCorpus(dir).hash).toBe(loadCorpus('corpus').hash);
  });
});
