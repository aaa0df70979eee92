import { describe, expect, it } from 'vitest';
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

/** The English of the seed's six section headings: each is a claim a digest must cover. */
const HEADINGS = [
  'Beyond compute, data and model innovation can also improve AI performance',
  "Selling only models, you can't beat OpenAI",
  "AI startups shouldn't become vassals of the cloud providers",
  'Nothing can replace humans',
  'The next big breakthrough in AI will be in robotics',
  "Data quality can't be ignored",
];

describe('theme relevance (seed corpus)', () => {
  it('every quote shares a distinctive term with its theme title or takeaway', async () => {
    const { corpus, summarize } = await seedSummarizer();
    const common = commonTermsOf(corpus);
    // The check is only meaningful if the corpus-wide words are excluded.
    expect(common.has('model')).toBe(true);
    const headings = new Set(HEADINGS);
    for (const [n, options] of [{}, { avoidQuotes: allQuotes(await summarize()).map((q) => q.text) }].entries()) {
      for (const theme of (await summarize(options)).themes) {
        // On rotation, a theme titled by an editors' heading takes the guest's next sentence on that
        // claim (matched in the original Chinese), which need not repeat the English heading's words.
        if (n === 1 && headings.has(theme.title)) continue;
        for (const quote of theme.quotes) {
          const shared = sharedTerms(theme.title, theme.takeaway, quote.translation ?? quote.text, common);
          expect(shared.length, `${theme.title} ← ${quote.translation}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('covers every editors\' heading and spends no theme on a passing remark', async () => {
    const { summarize } = await seedSummarizer();
    const summary = await summarize();
    const titles = summary.themes.map((t) => t.title);
    for (const heading of HEADINGS) expect(titles, titles.join(' | ')).toContain(heading);
    expect(summary.themes.length).toBeLessThanOrEqual(8);
    // The closing rapid-fire answers ("about $1 billion", "the first round") are not a theme of their own.
    expect(titles.some((t) => /million|round/i.test(t)), titles.join(' | ')).toBe(false);
  });

  it('takes each takeaway from a claim that stands alone, not an answer leaning on the question', async () => {
    const { summarize } = await seedSummarizer();
    for (const theme of (await summarize()).themes) {
      expect(theme.takeaway).not.toMatch(/^Gomez says (?:yes|no|right|exactly)\b/i);
      expect(theme.takeaway).not.toMatch(/^Gomez says [^.]{0,40}\b(?:that's|this is|it's) called\b/i);
    }
  });

  it('backs the headline theme with what Gomez says about selling only models, not its section\'s other talk', async () => {
    const { summarize } = await seedSummarizer();
    const summary = await summarize();
    const selling = summary.themes.find((t) => /Selling only models/.test(t.title));
    expect(selling, summary.themes.map((t) => t.title).join(' | ')).toBeDefined();
    expect(selling!.quotes[0]!.text).toMatch(/卖模型/);
    expect(selling!.takeaway).toMatch(/selling models|sell models/i);
  });
});
