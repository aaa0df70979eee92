import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../../src/config/env.ts';
import { createCore } from '../../../src/create-core.ts';
import { removeFixtures, writeCorpus } from '../fixtures.ts';

afterEach(removeFixtures);

/** Two changelog-style episodes: bold labels, continuation paragraphs, inline timestamps, a break. */
const EPISODE_222 = `**Daniel Whitenack:** Welcome to another episode of Practical AI. We're happy to have Travis Fischer with us.

**Travis Fischer:** Thank you, guys. It's a pleasure to be here.

**Daniel Whitenack:** \\[02:10\\] You posted a diagram that goes from start simple to complex. Why start simple?

**Travis Fischer:** \\[04:52\\] Starting as simple as possible, with hosted foundational models, is a great way to get started and to validate quickly.

Every time you take a step down that ladder of complexity, it adds engineering complexity. So start simple, and only move down when you hit a constraint.

**Break:** \\[06:00\\] to \\[07:30\\]

**Chris Benson:** \\[07:31\\] I love the go simple and build from there philosophy.
`;

const EPISODE_227 = `**Chris Benson:** Today we talk about agents and open source.

**Travis Fischer:** \\[12:34\\] Open source lets thousands of developers start building with a new thing within days.
`;

describe('a question about a changelog speaker', () => {
  it('returns verbatim quotes by that speaker only, with timestamp deep links', async () => {
    const dir = writeCorpus({
      'practical-ai-222.md': EPISODE_222,
      'practical-ai-222.meta.json': {
        title: 'Practical AI 222: Large models in production',
        url: 'https://www.youtube.com/watch?v=pai222',
        date: '2023-05-02',
        language: 'en',
        host: 'Daniel Whitenack',
        guest: 'Travis Fischer',
      },
      // No metadata: title from the file name, speakers from their labels.
      'practical-ai-227.md': EPISODE_227,
    });
    const core = await createCore({ corpusDir: dir, env: readEnv({}) });
    const answer = await core.ask('What did Travis Fischer say about starting simple?');

    expect(answer.answered).toBe(true);
    expect(answer.quotes.length).toBeGreaterThan(0);
    const texts = new Map(core.corpus.sources.map((s) => [s.meta.id, s.text]));
    for (const quote of answer.quotes) {
      expect(quote.speaker).toBe('Travis Fischer');
      expect(texts.get(quote.source.id)).toContain(quote.text);
      // Host questions and other speakers' words about "start simple" are never his.
      expect(quote.text).not.toMatch(/Why start simple|go simple and build/);
    }
    const best = answer.quotes[0]!;
    expect(best.source.id).toBe('practical-ai-222');
    expect(best.source.date).toBe('2023-05-02');
    expect(best.source.url).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=pai222&t=292s$/);
    expect(best.source.locator).toContain('4:52');
  });

  it('links to the moment in a source without metadata too (media fragment)', async () => {
    const dir = writeCorpus({ 'practical-ai-227.md': EPISODE_227, 'practical-ai-222.md': EPISODE_222 });
    const core = await createCore({ corpusDir: dir, env: readEnv({}) });
    const answer = await core.ask('What did Travis Fischer say about open source?');
    expect(answer.answered).toBe(true);
    const quote = answer.quotes[0]!;
    expect(quote.speaker).toBe('Travis Fischer');
    expect(quote.source.id).toBe('practical-ai-227');
    expect(quote.source.url).toMatch(/#t=754$/);
    expect(quote.source.locator).toContain('12:34');
  });
});
