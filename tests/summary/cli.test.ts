import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/answer/types.ts';
import { verifyQuote } from '../../src/answer/verify.ts';
import { runCli } from '../adapters/cli/helpers.ts';
import { allQuotes, CORPUS_DIR, GUEST, seedCorpus } from './helpers.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'gomez-summary-cli-'));
const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('gomez summary (CLI, real core, seed corpus)', () => {
  it('--json: at least five themes, every quote verbatim and Gomez\'s, no theme or quote repeated', async () => {
    const { code, stdout } = await runCli(['summary', '--json', '--corpus', CORPUS_DIR], env);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1); // --json output is the only thing on stdout
    const summary = JSON.parse(lines[0]!) as Summary;
    expect(summary).toMatchObject({ topic: null, answered: true, mode: 'extractive' });
    expect(summary.themes.length).toBeGreaterThanOrEqual(5);
    expect(summary.themes.length).toBeLessThanOrEqual(8);
    const corpus = await seedCorpus();
    const quotes = allQuotes(summary);
    for (const quote of quotes) {
      expect(verifyQuote(quote, corpus, GUEST), quote.text).toMatchObject({ ok: true });
      expect(quote).not.toHaveProperty('passageId');
    }
    const titles = summary.themes.map((t) => t.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(quotes.map((q) => q.text)).size).toBe(quotes.length);
    for (const theme of summary.themes) {
      expect(theme.quotes.length).toBeGreaterThanOrEqual(1);
      expect(theme.quotes.length).toBeLessThanOrEqual(2);
    }
  });

  it('with a topic gives the points made about it; an uncovered topic is refused honestly', async () => {
    const covered = JSON.parse((await runCli(['summary', 'synthetic data', '--json', '--corpus', CORPUS_DIR], env)).stdout) as Summary;
    expect(covered).toMatchObject({ topic: 'synthetic data', answered: true });
    expect(covered.themes.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(covered)).toContain('合成数据');
    const refused = JSON.parse((await runCli(['summary', 'cryptocurrency', '--json', '--corpus', CORPUS_DIR], env)).stdout) as Summary;
    expect(refused).toMatchObject({ topic: 'cryptocurrency', answered: false, themes: [] });
    expect(refused.note).toBeTruthy();
  });

  it('plain output is readable in a terminal: numbered themes, takeaways, quotes with translations', async () => {
    const { code, stdout } = await runCli(['summary', '--corpus', CORPUS_DIR], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Summary of the interviews/);
    expect(stdout).toMatch(/\n1\. .+\n {3}Gomez says /);
    expect(stdout).toContain('Translation:');
    expect(stdout).not.toContain('\u001b['); // no colour codes when stdout is not a terminal
  });
});
