import { afterEach, describe, expect, it } from 'vitest';
import { verifyQuote } from '../../src/answer/verify.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { createSummarizer } from '../../src/summary/summarizer.ts';
import { removeFixtures, writeCorpus } from '../corpus/fixtures.ts';

afterEach(removeFixtures);

/**
 * One section (a single heading) of four turns that changes subject halfway: two about batteries, two
 * about chess. Four turns used to make one theme; a change of subject must now split it.
 */
const EPISODE = `# Energy and games

**Host Person:** How do home batteries change the solar grid?

**Guest Person:** Home batteries store solar power during the day and release the stored power at night. Cheap lithium batteries make solar storage practical for every household grid.

**Host Person:** Will battery prices keep falling?

**Guest Person:** Battery prices keep falling because lithium cell factories keep scaling. Cheaper cells mean solar storage batteries pay back within a few years.

**Host Person:** Different subject: you play chess tournaments, right?

**Guest Person:** Chess tournaments taught me patience. Studying chess openings and endgames every evening sharpened my calculation at the board.

**Host Person:** Which chess opening do you prefer?

**Guest Person:** The Sicilian opening suits my chess style, because the chess positions stay sharp and unbalanced into the endgame.
`;

const META = {
  title: 'Energy and games',
  url: 'https://example.com/episode',
  language: 'en',
  host: 'Host Person',
  guest: 'Guest Person',
};

describe('a section that changes subject', () => {
  it('becomes separate themes whose quotes stay on their own subject', async () => {
    const corpus = loadCorpus(writeCorpus({ 'ep.md': EPISODE, 'ep.meta.json': META }));
    const guest = { name: 'Guest Person', speaker: null };
    const summarize = createSummarizer({
      corpus,
      guestName: guest.name,
      quotesOn: () => ({ question: '', answered: false, answer: 'no', quotes: [], mode: 'extractive' }),
      verify: (q) => verifyQuote(q, corpus, guest).ok,
    });
    const summary = await summarize();
    expect(summary.answered).toBe(true);
    expect(summary.themes.length).toBe(2);
    const subjects = summary.themes.map((t) => {
      const texts = t.quotes.map((q) => q.text.toLowerCase());
      const battery = texts.every((x) => /batter|solar|lithium/.test(x));
      const chess = texts.every((x) => /chess|opening/.test(x));
      expect(battery !== chess, `${t.title}: ${texts.join(' / ')}`).toBe(true);
      return battery ? 'battery' : 'chess';
    });
    expect(new Set(subjects)).toEqual(new Set(['battery', 'chess']));
    for (const t of summary.themes) expect(t.takeaway).toMatch(/^Person says /);
  });
});
