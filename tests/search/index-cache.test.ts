import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { indexCachePath, loadOrBuildIndex, loadSavedIndex, saveIndex } from '../../src/search/index-cache.ts';
import { PassageIndex } from '../../src/search/passage-index.ts';
import { analyzeQuery } from '../../src/search/query.ts';
import { REPO_CORPUS, removeFixtures, writeCorpus } from '../corpus/fixtures.ts';

const dataDirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gomez-data-'));
  dataDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  removeFixtures();
});

const EPISODE = `**Daniel Whitenack:** What would you tell teams starting out with language models?

**Travis Fischer:** \\[04:52\\] Start simple. Hosted models get you most of the way there.

**Daniel Whitenack:** And fine-tuning?

**Travis Fischer:** Fine-tuning comes later, once you hit a constraint like cost or latency.
`;

/** Results of a few searches, as comparable plain data. */
function results(index: PassageIndex): unknown {
  return ['start simple hosted models', 'fine-tuning cost latency', 'teams language models'].map((q) =>
    index.search(analyzeQuery(q, index).searchTerms, {}, 5).map((h) => [h.passage.id, h.score, h.terms]),
  );
}

describe('the saved index', () => {
  it('is saved, then loaded (not rebuilt) while the corpus is unchanged, with equal results', () => {
    const corpus = loadCorpus(writeCorpus({ 'ep.md': EPISODE }));
    const data = dataDir();
    const first = loadOrBuildIndex(corpus, { dataDir: data });
    expect(first.origin).toBe('built');
    expect(statSync(first.path).size).toBeGreaterThan(0);

    const again = loadOrBuildIndex(corpus, { dataDir: data });
    expect(again.origin).toBe('loaded');
    expect(again.path).toBe(first.path);
    expect(results(again.index)).toEqual(results(first.index));
    expect((results(again.index) as unknown[][])[0]!.length).toBeGreaterThan(0);
  });

  it('gives the same results before and after saving on the seed corpus (Chinese + translations)', () => {
    const corpus = loadCorpus(REPO_CORPUS);
    const data = dataDir();
    const built = PassageIndex.build(corpus);
    saveIndex(built, data);
    const loaded = loadSavedIndex(corpus, data);
    expect(loaded).not.toBeNull();
    for (const q of ['课程学习', 'What did Gomez say about synthetic data?', 'GPT-4 parameters']) {
      const terms = analyzeQuery(q, built).searchTerms;
      expect(loaded!.search(terms, { roles: ['guest'] }, 5)).toEqual(built.search(terms, { roles: ['guest'] }, 5));
    }
  });

  it('is rebuilt when the corpus changes; only the newest few saved indexes are kept', () => {
    const dir = writeCorpus({ 'ep.md': EPISODE });
    const data = dataDir();
    const old = loadOrBuildIndex(loadCorpus(dir), { dataDir: data });
    writeFileSync(join(dir, 'ep.md'), EPISODE + '\n**Daniel Whitenack:** One more question about evaluation.\n');
    const changed = loadCorpus(dir);
    const next = loadOrBuildIndex(changed, { dataDir: data });
    expect(next.origin).toBe('built');
    expect(next.path).not.toBe(old.path);
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(dir, `extra${i}.md`), `**Ada Lovelace:** Extra file ${i}.\n`);
      loadOrBuildIndex(loadCorpus(dir), { dataDir: data });
    }
    expect(readdirSync(join(data, 'index'))).toHaveLength(3);
    expect(next.index.search(analyzeQuery('evaluation', next.index).searchTerms, {}, 1)[0]?.passage.text).toMatch(/evaluation/);
  });

  it('is rebuilt, never trusted, when the file is truncated', () => {
    const corpus = loadCorpus(writeCorpus({ 'ep.md': EPISODE }));
    const data = dataDir();
    const { path } = loadOrBuildIndex(corpus, { dataDir: data });
    truncateSync(path, Math.floor(statSync(path).size / 2));
    expect(loadSavedIndex(corpus, data)).toBeNull();
    const rebuilt = loadOrBuildIndex(corpus, { dataDir: data });
    expect(rebuilt.origin).toBe('built');
    expect(loadOrBuildIndex(corpus, { dataDir: data }).origin).toBe('loaded');
  });

  it('is rebuilt when the file is corrupt (a changed byte, or garbage)', () => {
    const corpus = loadCorpus(writeCorpus({ 'ep.md': EPISODE }));
    const data = dataDir();
    const { path } = loadOrBuildIndex(corpus, { dataDir: data });
    const bytes = readFileSync(path);
    // Flip a digit in the body: still valid JSON, but the checksum no longer matches.
    const at = bytes.lastIndexOf('1'.charCodeAt(0));
    bytes[at] = '2'.charCodeAt(0);
    writeFileSync(path, bytes);
    expect(loadOrBuildIndex(corpus, { dataDir: data }).origin).toBe('built');

    writeFileSync(path, 'not an index at all');
    expect(loadOrBuildIndex(corpus, { dataDir: data }).origin).toBe('built');
  });

  it('is keyed by corpus content hash and index version, and written atomically (no temp files left)', () => {
    const corpus = loadCorpus(writeCorpus({ 'ep.md': EPISODE }));
    const data = dataDir();
    const { path } = loadOrBuildIndex(corpus, { dataDir: data });
    expect(path).toBe(indexCachePath(data, corpus.hash));
    expect(path).toContain(corpus.hash.slice(0, 40));
    expect(readdirSync(join(data, 'index')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
