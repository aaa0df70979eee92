import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'gomez-index-cmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('gomez index', () => {
  it('builds and saves the index under DATA_DIR, keeps it while the corpus is unchanged, rebuilds with --force', async () => {
    const corpus = join(tmp, 'corpus');
    const data = join(tmp, 'data');
    mkdirSync(corpus, { recursive: true });
    writeFileSync(join(corpus, 'ep.md'), '**Daniel Whitenack:** Why start simple?\n\n**Travis Fischer:** \\[04:52\\] Start simple with hosted models.\n');

    const first = await runCli(['index', '--corpus', corpus], { DATA_DIR: data });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Indexed 1 transcripts, 2 passages in [\d.]+ s; saved to .*passages-v\d+-[0-9a-f]+\.jsonl\n$/);
    expect(readdirSync(join(data, 'index'))).toHaveLength(1);

    const again = await runCli(['index', '--corpus', corpus], { DATA_DIR: data });
    expect(again.stdout).toMatch(/up to date/);

    const forced = await runCli(['index', '--corpus', corpus, '--force'], { DATA_DIR: data });
    expect(forced.stdout).toMatch(/^Indexed/);
  });

  it('reports a malformed corpus file with its line, and unknown options as usage errors', async () => {
    const corpus = join(tmp, 'bad');
    mkdirSync(corpus, { recursive: true });
    writeFileSync(join(corpus, 'ep.vtt'), 'WEBVTT\n\n00:01.000 -> 00:02.000\n<v Ada>Hello\n');
    const bad = await runCli(['index', '--corpus', corpus], { DATA_DIR: join(tmp, 'data2') });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/ep\.vtt:3/);
    expect((await runCli(['index', '--bogus'])).code).toBe(2);
  });
});
