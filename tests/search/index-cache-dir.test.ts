import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLogLevel } from '../../src/log.ts';
import { indexCachePath, loadOrBuildIndex } from '../../src/search/index-cache.ts';
import { repoCorpus } from '../llm/helpers.ts';

let dir = '';
beforeAll(() => setLogLevel('silent'));
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('saved index path taken by a directory', () => {
  it('is cleared and the index rebuilt and saved, instead of failing with EISDIR', () => {
    dir = mkdtempSync(join(tmpdir(), 'gomez-index-dir-'));
    const corpus = repoCorpus();
    const path = indexCachePath(dir, corpus.hash);
    mkdirSync(join(path, 'junk'), { recursive: true });
    const result = loadOrBuildIndex(corpus, { dataDir: dir });
    expect(result.origin).toBe('built');
    expect(statSync(path).isFile()).toBe(true);
    expect(loadOrBuildIndex(corpus, { dataDir: dir }).origin).toBe('loaded');
  });
});
