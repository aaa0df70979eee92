import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DamagedFileError, readChunkedJson, writeChunkedJson } from '../../src/search/chunked-json.ts';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A value shaped like a saved index: long arrays at the top and nested in arrays of objects. */
const VALUE = {
  format: 'x',
  count: 3,
  terms: { vocabulary: Array.from({ length: 5000 }, (_, i) => `term${i}`), fields: ['text', 'en'] },
  postings: [{ docs: Array.from({ length: 2500 }, (_, i) => i * 2), avg: 1.5 }, { docs: [1, 2], avg: 0 }],
  pairs: Array.from({ length: 1200 }, (_, i) => [`w${i}`, i]),
};

describe('the index file format (checksummed JSON lines)', () => {
  it('round-trips a value whose long arrays are stored as separate lines', () => {
    dir = mkdtempSync(join(tmpdir(), 'gomez-chunked-'));
    const path = join(dir, 'sub', 'index.jsonl');
    writeChunkedJson(path, VALUE);
    expect(readFileSync(path, 'utf8').split('\n').length).toBeGreaterThan(3);
    expect(readChunkedJson(path)).toEqual(VALUE);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['index.jsonl']);
  });

  it('rejects a truncated file, a changed byte and a file of another kind', () => {
    dir = mkdtempSync(join(tmpdir(), 'gomez-chunked-'));
    const path = join(dir, 'index.jsonl');
    writeChunkedJson(path, VALUE);
    const good = readFileSync(path);

    truncateSync(path, good.length - 10);
    expect(() => readChunkedJson(path)).toThrow(DamagedFileError);

    const changed = Buffer.from(good);
    changed[changed.length - 40] = changed[changed.length - 40] === 0x31 ? 0x32 : 0x31;
    writeFileSync(path, changed);
    expect(() => readChunkedJson(path)).toThrow(/checksum/);

    writeFileSync(path, '{"format":"something else"}\n{}\n');
    expect(() => readChunkedJson(path)).toThrow(DamagedFileError);
    expect(() => readChunkedJson(join(dir, 'missing.jsonl'))).toThrow(DamagedFileError);
  });
});
