import { mkdtempSync, readFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddingCache, embeddingKey } from '../../src/search/embedding-cache.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gomez-emb-'));
  dirs.push(dir);
  return join(dir, 'nested', 'embeddings.jsonl');
}

describe('EmbeddingCache', () => {
  it('keys by model and text hash', () => {
    expect(embeddingKey('m1', 'abc')).not.toBe(embeddingKey('m2', 'abc'));
    expect(embeddingKey('m1', 'abc')).toMatch(/^m1:[0-9a-f]{64}$/);
  });

  it('persists vectors across instances', () => {
    const file = tempFile();
    new EmbeddingCache(file).putMany('m', [{ text: 'hello', vector: [0.5, 0.25] }]);
    const reopened = new EmbeddingCache(file);
    expect(reopened.get('m', 'hello')).toEqual([0.5, 0.25]);
    expect(reopened.get('other-model', 'hello')).toBeUndefined();
    expect(readFileSync(file, 'utf8')).not.toContain('hello');
  });

  it('skips a torn last line instead of failing', () => {
    const file = tempFile();
    new EmbeddingCache(file).putMany('m', [{ text: 'a', vector: [1] }]);
    appendFileSync(file, '{"key":"m:ab');
    const reopened = new EmbeddingCache(file);
    expect(reopened.size).toBe(1);
    expect(reopened.get('m', 'a')).toEqual([1]);
  });

  it('keeps vectors in memory only without a file', () => {
    const cache = new EmbeddingCache(null);
    cache.putMany('m', [{ text: 'a', vector: [1] }]);
    expect(cache.get('m', 'a')).toEqual([1]);
  });
});
