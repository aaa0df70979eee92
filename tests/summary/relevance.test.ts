import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/answer/types.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { bagOf, termsOf } from '../../src/summary/terms.ts';
import { allQuotes, seedSummarizer } from './helpers.ts';

/**
 * Terms in more than a tenth of the guest's (English) sentences, e.g. "model" and "data" in the seed:
 * sharing one of them does not show that a quote is about a theme.
 */
function commonTermsOf(corpus: Corpus): Set<string> {
  const df = new Map<string, number>();
  let sentences = 0;
  for (const p of corpus.passages) {
    if (p.role !== 'guest') continue;
    for (const s of p.sentences) {
      sentences++;
      for (const k of bagOf(termsOf(s.translation ?? s.text)).keys()) df.set(k, (df.get(k) ?? 0) + 1);
    }
  }
  return new Set([...df].filter(([, n]) => n > sentences / 10).map(([k]) => k));
}

/** Distinctive terms a quote shares with its theme's title and takeaway. */
function sharedTerms(title: string, takeaway: string, quote: string, common: Set<string>): string[] {
  const theme = new Set(termsOf(`${title}. ${takeaway}`).map((t) => t.key));
  return [...new Set(termsOf(quote).map((t) => t.key))].filter((k) => theme.has(k) && !common.has(k));
}

const themeText = (summary: Summary) => summary.themes.map((t) => `${t.title} ${t.takeaway}`);

describe('theme relevance (seed corpus)', () => {
  it('every quote shares a distinctive term with its theme title or takeaway', async () => {
    const { corpus, summarize } = await seedSummarizer();
    const common = commonTermsOf(corpus);
    // The check is only meaningful if the corpus-wide words are excluded.
    expect(common.has('model')).toBe(true);
    for (const options of [{}, { avoidQuotes: allQuotes(await summarize()).map((q) => q.text) }]) {
      for (const theme of (await summarize(options)).themes) {
        for (const quote of theme.quotes) {
          const shared = sharedTerms(theme.title, theme.takeaway, quote.translation ?? quote.text, common);
          expect(shared.length, `${theme.title} ← ${quote.translation}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('covers synthetic data, and the funding or the board, as themes of their own', async () => {
    const { summarize } = await seedSummarizer();
    const themes = themeText(await summarize());
    expect(themes.some((t) => /synthetic/i.test(t)), themes.join('\n')).toBe(true);
    expect(themes.some((t) => /\b(?:million|money|funding|raised?|investors?|board)\b/i.test(t)), themes.join('\n')).toBe(true);
  });

  it('takes each takeaway from a claim that stands alone, not an answer leaning on the question', async () => {
    const { summarize } = await seedSummarizer();
    for (const theme of (await summarize()).themes) {
      expect(theme.takeaway).not.toMatch(/^Gomez says (?:yes|no|right|exactly)\b/i);
      expect(theme.takeaway).not.toMatch(/^Gomez says [^.]{0,40}\b(?:that's|this is|it's) called\b/i);
    }
  });

  it('names a theme split from a mixed section by its own content, and its quotes stay on it', async () => {
    const { summarize } = await seedSummarizer();
    const summary = await summarize();
    const synthetic = summary.themes.find((t) => /synthetic/i.test(t.title));
    expect(synthetic, summary.themes.map((t) => t.title).join(' | ')).toBeDefined();
    // The section's heading is about selling models against OpenAI; this sub-theme is not titled by it.
    expect(synthetic!.title).not.toMatch(/OpenAI/);
    for (const q of synthetic!.quotes) expect(q.translation).toMatch(/synthetic|generate data/i);
  });
});
