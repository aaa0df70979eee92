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

  it('follows GUEST by name across sources, whether that person hosts one episode or guests in another', async () => {
    const dir = writeCorpus({
      'a.md': '**Ada Lovelace:** What about analytical engines?\n\n**Grace Hopper:** \\[01:00\\] Compilers let engines weave patterns of symbols.\n',
      'a.meta.json': { title: 'Episode A', url: 'https://youtu.be/aaa', date: '2024-01-01', language: 'en', host: 'Ada Lovelace', guest: 'Grace Hopper' },
      'b.md': '**Grace Hopper:** Tell us about analytical engines.\n\n**Alan Turing:** \\[02:00\\] Analytical engines compute anything computable, given patterns of symbols.\n\n**Grace Hopper:** \\[03:00\\] I think analytical engines need compilers first.\n',
      'b.meta.json': { title: 'Episode B', url: 'https://example.com/b', date: '2024-02-01', language: 'en', host: 'Grace Hopper', guest: 'Alan Turing' },
    });
    const core = await createCore({ corpusDir: dir, env: readEnv({ GUEST: 'Grace Hopper' }) });
    expect(core.guestName).toBe('Grace Hopper');
    const answer = await core.ask('What was said about analytical engines and compilers?');
    expect(answer.answered).toBe(true);
    expect(new Set(answer.quotes.map((q) => q.speaker))).toEqual(new Set(['Grace Hopper']));
    // Each quote cites its own source and date: guest in A, host in B.
    const cited = new Map(answer.quotes.map((q) => [q.source.id, q.source.date]));
    expect(cited).toEqual(new Map([['a', '2024-01-01'], ['b', '2024-02-01']]));

    // Without GUEST, the bot is about each source's guest: Grace in A, Alan in B.
    const perSource = await createCore({ corpusDir: dir, env: readEnv({}) });
    const speakers = (await perSource.ask('What was said about analytical engines?')).quotes.map((q) => `${q.source.id}:${q.speaker}`);
    expect(speakers.length).toBeGreaterThan(0);
    for (const s of speakers) expect(['a:Grace Hopper', 'b:Alan Turing']).toContain(s);
  });
});
