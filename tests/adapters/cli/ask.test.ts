import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

const source = readFileSync(new URL('../../../corpus/000_f1adc335df00c9b8.txt', import.meta.url), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'gomez-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('gomez ask', () => {
  it('prints one JSON answer with verbatim Gomez quotes and nothing else on stdout', async () => {
    const { code, stdout } = await runCli(['ask', 'What did Gomez say about synthetic data?', '--json']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ question: 'What did Gomez say about synthetic data?', answered: true, mode: 'extractive' });
    // The contract's fields come first, in DESIGN.md's order.
    expect(Object.keys(answer).slice(0, 5)).toEqual(['question', 'answered', 'answer', 'quotes', 'mode']);
    expect(Object.keys(answer.quotes[0])).toEqual(['text', 'translation', 'speaker', 'source']);
    expect(answer.quotes.length).toBeGreaterThan(0);
    for (const q of answer.quotes) {
      expect(source.includes(q.text)).toBe(true);
      expect(q.speaker).toBe('Aidan Gomez');
      expect(q.translation).toEqual(expect.any(String));
      expect(q.source).toMatchObject({ url: expect.stringContaining('youtube.com'), locator: expect.stringMatching(/turn \d+/) });
      expect(q).not.toHaveProperty('passageId');
    }
  });

  it('renders plain text: the answer, then quotes with translations and sources', async () => {
    const { code, stdout } = await runCli(['ask', 'What did Gomez say about robotics?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1\. “/);
    expect(stdout).toContain('Translation:');
    expect(stdout).toContain('— Aidan Gomez');
    expect(stdout).not.toMatch(/\u001b\[/); // no colour codes when stdout is not a terminal
  });

  it('refuses politely, as JSON, when the interview does not cover the question', async () => {
    const { code, stdout } = await runCli(['ask', 'What did Gomez say about Bitcoin?', '--json']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer.answered).toBe(false);
    expect(answer.answer.length).toBeGreaterThan(0);
  });

  it('answers a batch file line by line, echoing ids and reporting bad lines without stopping', async () => {
    const file = join(tmp, 'batch.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', question: 'What did Gomez say about curriculum learning?' }),
        'not json',
        JSON.stringify({ id: 7, question: 'Gomez怎么看数据质量?' }),
        '',
      ].join('\n'),
    );
    const { code, stdout } = await runCli(['ask', '--json', '--batch', file]);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'a', answered: true });
    expect(lines[1]).toMatchObject({ line: 2, error: expect.any(String) });
    expect(lines[2]).toMatchObject({ id: 7, answered: true });
    expect(code).toBe(1);
  });

  it.each([[''], ['   ']])('rejects an empty question (%j) as a usage error: a clear message and exit code 2', async (question) => {
    const { code, stdout, stderr } = await runCli(['ask', question, '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('the question is empty');
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('reports usage errors with exit code 2', async () => {
    expect((await runCli(['ask'])).code).toBe(2);
    expect((await runCli(['ask', 'q', '--nope'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });

  it('names the corpus file and line when the corpus is malformed', async () => {
    const dir = join(tmp, 'broken');
    rmSync(dir, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'x.txt'), 'Q:hello?\nAidan Gomez:\n');
    writeFileSync(join(dir, 'x.meta.json'), JSON.stringify({ title: 't', url: 'https://example.com/', language: 'en', format: 'qa-article', speakers: { Q: 'host', 'Aidan Gomez': 'guest' } }));
    const { code, stderr } = await runCli(['ask', 'anything', '--corpus', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('x.txt:2');
  });
});
