import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Quote, Summary } from '../../src/answer/types.ts';
import { verifyQuote } from '../../src/answer/verify.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { createSummarizer } from '../../src/summary/summarizer.ts';

/**
 * Three short interviews with one guest (tests/fixtures/many-sources): open weights come up in the
 * two older ones, the newest is about benchmarks and regulation. A digest of all three must draw on
 * every source that discusses a theme, cite each quote's own source and date, and lead with the
 * newest interview when asked to ("what's new").
 */
const FIXTURE = resolve(import.meta.dirname, '../fixtures/many-sources');
const GUEST = { name: 'Mara Lindqvist', speaker: null };
const OPEN_WEIGHTS = /open weights/i;

let corpus: Corpus;
let summarize: ReturnType<typeof createSummarizer>;

beforeAll(async () => {
  corpus = await loadCorpus(FIXTURE);
  summarize = createSummarizer({
    corpus,
    guestName: GUEST.name,
    quotesOn: () => ({ question: '', answered: false, answer: 'no', quotes: [], mode: 'extractive' }),
    verify: (q) => verifyQuote(q, corpus, GUEST).ok,
  });
});

const sourcesOf = (quotes: Quote[]) => new Set(quotes.map((q) => q.source.id));
const firstSource = (theme: Summary['themes'][number]) => theme.quotes[0]!.source.id;

describe('a digest of several sources', () => {
  it('loads the three interviews with their dates', () => {
    expect(corpus.sources.map((s) => [s.meta.id, s.meta.date]).sort()).toEqual([
      ['build-log-12', '2023-03-01'],
      ['compute-matters-40', '2023-09-12'],
      ['frontier-notes-7', '2024-02-20'],
    ]);
  });

  it('draws on every source, and a theme two sources discuss quotes both', async () => {
    const summary = await summarize();
    expect(summary.answered).toBe(true);
    const quotes = summary.themes.flatMap((t) => t.quotes);
    expect(sourcesOf(quotes)).toEqual(new Set(['build-log-12', 'compute-matters-40', 'frontier-notes-7']));
    // Open weights are discussed in two interviews: the digest quotes both on them…
    expect(sourcesOf(quotes.filter((q) => OPEN_WEIGHTS.test(q.text)))).toEqual(new Set(['build-log-12', 'compute-matters-40']));
    // …and the theme about them puts the two side by side, each quote still on open weights.
    const shared = summary.themes.filter((t) => t.quotes.every((q) => OPEN_WEIGHTS.test(q.text)) && sourcesOf(t.quotes).size > 1);
    expect(shared.length, summary.themes.map((t) => `${t.title}: ${t.quotes.map((q) => q.source.id).join(', ')}`).join(' | ')).toBe(1);
  });

  it('cites each quote with its own source, title and date', async () => {
    const summary = await summarize();
    for (const q of summary.themes.flatMap((t) => t.quotes)) {
      const holders = corpus.sources.filter((s) => s.text.includes(q.text));
      // Every sentence of the fixture is said once, so the source holding the text is the only right citation.
      expect(holders.map((s) => s.meta.id), q.text).toEqual([q.source.id]);
      const own = holders[0]!;
      expect(q.source).toMatchObject({ title: own.meta.title, date: own.meta.date });
      expect(q.speaker).toBe(GUEST.name);
      expect(verifyQuote(q, corpus, GUEST).ok).toBe(true);
    }
  });

  it("leads with the newest interview's themes when it is a lead source (what's new)", async () => {
    const newest = [...corpus.sources].sort((a, b) => (b.meta.date ?? '').localeCompare(a.meta.date ?? ''))[0]!.meta.id;
    expect(newest).toBe('frontier-notes-7');
    // Without leadSources the corpus's own order holds: the newest interview does not come first.
    const plain = await summarize();
    expect(firstSource(plain.themes[0]!)).not.toBe(newest);

    const whatsNew = await summarize({ leadSources: [newest] });
    const order = whatsNew.themes.map(firstSource);
    const newCount = order.filter((id) => id === newest).length;
    expect(newCount).toBeGreaterThan(0);
    expect(order.slice(0, newCount)).toEqual(Array(newCount).fill(newest));
    // The older interviews are still summarised after them.
    expect(new Set(order.slice(newCount))).toEqual(new Set(['build-log-12', 'compute-matters-40']));
  });

  it('lets a lead source lead a subject it shares with an older one, quoting both', async () => {
    // Open weights come up in 2023-03-01 and 2023-09-12; with the later interview as the new one, its
    // theme leads and quotes the earlier interview beside it.
    const summary = await summarize({ leadSources: ['compute-matters-40'] });
    const lead = summary.themes[0]!;
    expect(lead.quotes.map((q) => [q.source.id, q.source.date])).toEqual([
      ['compute-matters-40', '2023-09-12'],
      ['build-log-12', '2023-03-01'],
    ]);
    for (const q of lead.quotes) expect(q.text).toMatch(OPEN_WEIGHTS);
    // Open weights is one theme, not one per interview.
    expect(summary.themes.filter((t) => t.quotes.some((q) => OPEN_WEIGHTS.test(q.text)))).toHaveLength(1);
  });
});
