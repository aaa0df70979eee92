import { termsOf } from '../../src/summary/terms.ts';
import { describe, expect, it } from 'vitest';
import { verifyQuote } from '../../src/answer/verify.ts';
import { allQuotes, GUEST, seedSummarizer } from './helpers.ts';

describe('whole-corpus summary (extractive, seed corpus)', () => {
  it('has five to eight themes, each with a takeaway and one or two verified Gomez quotes', async () => {
    const { corpus, summarize } = await seedSummarizer();
    const summary = await summarize();
    expect(summary).toMatchObject({ topic: null, answered: true, mode: 'extractive' });
    expect(summary.themes.length).toBeGreaterThanOrEqual(5);
    expect(summary.themes.length).toBeLessThanOrEqual(8);
    for (const theme of summary.themes) {
      expect(theme.title.trim()).not.toBe('');
      expect(theme.takeaway).toMatch(/^Gomez (says|asks) /);
      expect(theme.takeaway).not.toContain('\n');
      expect(theme.takeaway.length).toBeLessThanOrEqual(220);
      expect(theme.quotes.length).toBeGreaterThanOrEqual(1);
      expect(theme.quotes.length).toBeLessThanOrEqual(2);
      for (const quote of theme.quotes) {
        expect(verifyQuote(quote, corpus, GUEST)).toMatchObject({ ok: true });
        expect(quote.speaker).toBe('Aidan Gomez');
        expect(quote.translation).toBeTruthy();
        expect(quote.source.locator).toMatch(/^turn \d+/);
      }
    }
  });

  it('repeats no theme and no quote, and never quotes a heading, the host or the narration', async () => {
    const { corpus, summarize } = await seedSummarizer();
    const summary = await summarize();
    const titles = summary.themes.map((t) => t.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
    const texts = allQuotes(summary).map((q) => q.text);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        expect(texts[i]!.includes(texts[j]!) || texts[j]!.includes(texts[i]!)).toBe(false);
      }
    }
    const notGuest = corpus.passages.filter((p) => p.role !== 'guest').map((p) => p.text);
    for (const text of texts) expect(notGuest.some((t) => t.includes(text))).toBe(false);
  });

  it('uses the editors\' headings as titles (translated), never as quotes', async () => {
    const { summarize } = await seedSummarizer();
    const summary = await summarize();
    const titles = summary.themes.map((t) => t.title);
    expect(titles).toContain('The next big breakthrough in AI will be in robotics');
    expect(allQuotes(summary).some((q) => q.text === 'AI的下一个大突破将出现在机器人领域')).toBe(false);
  });

  it('each takeaway states what its own quotes say (its content words are theirs)', async () => {
    const { summarize } = await seedSummarizer();
    const stems = (t: string) => new Set(termsOf(t).map((x) => x.key));
    for (const theme of (await summarize()).themes) {
      const said = stems(theme.quotes.map((q) => q.translation!).join(' '));
      const claimed = [...stems(theme.takeaway.replace(/^Gomez says /, ''))];
      const backed = claimed.filter((k) => said.has(k)).length / claimed.length;
      expect(backed, theme.takeaway).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('rotates: the next digest shows other quotes and puts the themes seen last time last', async () => {
    const { summarize } = await seedSummarizer();
    const first = await summarize();
    const second = await summarize({
      avoidThemes: first.themes.map((t) => t.title),
      avoidQuotes: allQuotes(first).map((q) => q.text),
    });
    expect(second.themes.length).toBeGreaterThanOrEqual(5);
    const before = new Set(allQuotes(first).map((q) => q.text));
    for (const quote of allQuotes(second)) expect(before.has(quote.text)).toBe(false);
    // A theme the channel did not see last time comes first.
    expect(first.themes.map((t) => t.title)).not.toContain(second.themes[0]!.title);
  });

  it('leads with the sources named in leadSources', async () => {
    const { corpus, summarize } = await seedSummarizer();
    const summary = await summarize({ leadSources: [corpus.sources[0]!.meta.id] });
    expect(summary.themes[0]!.quotes[0]!.source.id).toBe(corpus.sources[0]!.meta.id);
  });
});

describe('topic summary', () => {
  it('gives the points made about a covered topic, grouped by turn, quotes verified', async () => {
    const { corpus, summarize } = await seedSummarizer();
    const summary = await summarize({ topic: 'robot' });
    expect(summary.topic).toBe('robot');
    expect(summary.answered).toBe(true);
    expect(summary.themes.length).toBeGreaterThanOrEqual(1);
    const titles = summary.themes.map((t) => t.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const quote of allQuotes(summary)) {
      expect(verifyQuote(quote, corpus, GUEST).ok).toBe(true);
      expect(quote.translation!.toLowerCase()).toContain('robot');
    }
    for (const theme of summary.themes) expect(theme.takeaway).toMatch(/^Gomez (says|asks) /);
  });

  it('refuses honestly, with no themes, when the corpus does not cover the topic', async () => {
    const { summarize } = await seedSummarizer();
    const summary = await summarize({ topic: 'cryptocurrency' });
    expect(summary).toMatchObject({ topic: 'cryptocurrency', answered: false, themes: [] });
    expect(summary.note).toMatch(/don't cover/);
  });

  it('drops a quote that fails verification instead of showing it', async () => {
    const { corpus } = await seedSummarizer();
    const { createSummarizer } = await import('../../src/summary/summarizer.ts');
    const summarize = createSummarizer({
      corpus,
      guestName: GUEST.name,
      // A retrieval that wrongly returns the host's words as Gomez's.
      quotesOn: async (topic) => {
        const host = corpus.passages.find((p) => p.role === 'host')!;
        const source = corpus.sources.find((s) => s.meta.id === host.sourceId)!;
        const quote = { text: host.text, speaker: 'Aidan Gomez', source: { id: source.meta.id, title: '', url: '', locator: '' }, passageId: host.id };
        return { question: topic, answered: true, answer: '', quotes: [quote], mode: 'extractive' };
      },
      verify: (q) => verifyQuote(q, corpus, GUEST).ok,
    });
    const summary = await summarize({ topic: 'games' });
    expect(summary.answered).toBe(false);
    expect(summary.themes).toEqual([]);
  });
});
