import { beforeAll, describe, expect, it } from 'vitest';
import { quoteOf } from '../../src/answer/quote.ts';
import type { Answer, Quote } from '../../src/answer/types.ts';
import { answerProblems, keepVerifiedQuotes, verifyQuote } from '../../src/answer/verify.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus, Passage, Role, Source } from '../../src/corpus/types.ts';
import { CORPUS_DIR } from './helpers.ts';

let corpus: Corpus;
let source: Source;
const GUEST = { name: 'Aidan Gomez', speaker: null };

beforeAll(() => {
  corpus = loadCorpus(CORPUS_DIR);
  source = corpus.sources[0]!;
});

function firstPassage(role: Role, containing = ''): Passage {
  return source.passages.find((p) => p.role === role && p.text.includes(containing))!;
}

/** A quote claiming to be Gomez's, over any text of the source. */
function claim(text: string, passageId?: string): Quote {
  return {
    text,
    speaker: 'Aidan Gomez',
    source: { id: source.meta.id, title: source.meta.title, url: source.meta.url, locator: 'turn 1' },
    ...(passageId ? { passageId } : {}),
  };
}

describe('verifyQuote', () => {
  it('accepts a sentence of a guest passage, attributed to the guest', () => {
    const passage = firstPassage('guest', '课程学习');
    const quote = quoteOf(source, passage, 0, 0);
    expect(verifyQuote(quote, corpus, GUEST)).toMatchObject({ ok: true, passage: { id: passage.id } });
    expect(verifyQuote(quote, corpus, 'aidan gomez').ok).toBe(true);
  });

  it('rejects host text, narration and headings presented as the guest', () => {
    for (const role of ['host', 'narration', 'heading'] as const) {
      const passage = firstPassage(role);
      const verdict = verifyQuote(claim(passage.text), corpus, GUEST);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.reason).toContain(role);
    }
  });

  it('rejects text that is not an exact substring of the source', () => {
    const passage = firstPassage('guest', '课程学习');
    const altered = passage.sentences[0]!.text.replace('课程学习', '课程 学习');
    expect(verifyQuote(claim(altered), corpus, GUEST)).toEqual({ ok: false, reason: 'the text is not an exact substring of its source' });
  });

  it('rejects text running across two passages', () => {
    const a = firstPassage('guest', '课程学习');
    const b = source.passages[a.index + 1]!;
    const across = source.text.slice(a.end - 5, b.start + 5);
    expect(verifyQuote(claim(across), corpus, GUEST)).toMatchObject({ ok: false, reason: 'the text does not lie inside one passage' });
  });

  it('rejects a quote pointing at the wrong passage, source or speaker', () => {
    const passage = firstPassage('guest', '课程学习');
    const quote = quoteOf(source, passage, 0, 0);
    expect(verifyQuote({ ...quote, passageId: source.passages[0]!.id }, corpus, GUEST).ok).toBe(false);
    expect(verifyQuote({ ...quote, source: { ...quote.source, id: 'nope' } }, corpus, GUEST).ok).toBe(false);
    expect(verifyQuote({ ...quote, speaker: 'Harry Stebbings' }, corpus, GUEST).ok).toBe(false);
    expect(verifyQuote(quote, corpus, 'Harry Stebbings').ok).toBe(false);
    expect(verifyQuote({ ...quote, text: '' }, corpus, GUEST).ok).toBe(false);
  });

  it('accepts the host\'s words when the host is the person asked about', () => {
    const passage = firstPassage('host');
    const quote = quoteOf(source, passage, 0, 0);
    expect(quote.speaker).toBe('Harry Stebbings');
    expect(verifyQuote(quote, corpus, 'Harry Stebbings').ok).toBe(true);
    expect(verifyQuote(quote, corpus, GUEST).ok).toBe(false);
  });
});

describe('whole-answer checks', () => {
  it('lists and removes the quotes that fail', () => {
    const good = quoteOf(source, firstPassage('guest', '课程学习'), 0, 0);
    const bad = claim(firstPassage('host').text);
    const answer: Answer = { question: 'q', answered: true, answer: 'a', quotes: [good, bad], mode: 'extractive' };
    const problems = answerProblems(answer, corpus, GUEST);
    expect(problems.map((p) => p.index)).toEqual([1]);
    const { answer: kept, dropped } = keepVerifiedQuotes(answer, corpus, GUEST);
    expect(kept.quotes).toEqual([good]);
    expect(dropped).toHaveLength(1);
    expect(keepVerifiedQuotes({ ...answer, quotes: [good] }, corpus, GUEST).answer.quotes).toEqual([good]);
  });
});
