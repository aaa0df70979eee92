import { beforeAll, describe, expect, it } from 'vitest';
import { gatherEvidence, isQuestion, pickQuotes, type QuoteCandidate } from '../../src/answer/evidence.ts';
import { PassageIndex } from '../../src/search/passage-index.ts';
import { analyzeQuery } from '../../src/search/query.ts';
import type { GomezCore } from '../../src/core.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Passage, Source } from '../../src/corpus/types.ts';
import { CORPUS_DIR, extractiveCore } from './helpers.ts';

let source: Source;
let core: GomezCore;
let index: PassageIndex;

beforeAll(async () => {
  const corpus = loadCorpus(CORPUS_DIR);
  source = corpus.sources[0]!;
  index = PassageIndex.build(corpus);
  core = await extractiveCore();
});

function guestPassage(containing: string): Passage {
  return source.passages.find((p) => p.role === 'guest' && p.text.includes(containing))!;
}

function candidate(passage: Passage, sentence: number, score: number): QuoteCandidate {
  const asks = isQuestion(passage.sentences[sentence]!.text);
  return { source, passage, first: sentence, last: sentence, score, coverage: score, asks };
}

describe('isQuestion', () => {
  it('recognises questions in either script, before a closing quote too', () => {
    expect(isQuestion('展望未来十年,合成数据市场将如何发展?')).toBe(true);
    expect(isQuestion('Will it last? ')).toBe(true);
    expect(isQuestion('他说:“试试吧?”')).toBe(true);
    expect(isQuestion('数据质量至关重要。')).toBe(false);
  });
});

describe('pickQuotes', () => {
  it('shows statements before a rhetorical question, however well the question scores', () => {
    const market = guestPassage('展望未来十年');
    const asking = market.sentences.findIndex((s) => s.text.startsWith('展望未来十年'));
    const answering = market.sentences.findIndex((s) => s.text.startsWith('目前看来'));
    const other = guestPassage('我听说当前的大模型API市场');
    const picked = pickQuotes([candidate(market, asking, 0.9), candidate(market, answering, 0.7), candidate(other, 0, 0.6)], 3);
    expect(picked.map((c) => c.asks)).toEqual([false, false, true]);
    expect(picked[0]!.first).toBe(answering);
  });

  it('prefers other passages to a weaker second span of a quoted one, and pages without repeats', () => {
    const board = guestPassage('我们的第一位投资者');
    const volpi = guestPassage('Mike Volpi和Jordan Jacobs');
    const mike = guestPassage('Mike非常出色');
    const candidates = [candidate(board, 0, 0.9), candidate(board, 1, 0.7), candidate(mike, 0, 0.8), candidate(volpi, 0, 0.7)];
    const three = pickQuotes(candidates, 3);
    expect(three.map((c) => c.passage.id)).toEqual([board.id, mike.id, volpi.id]);
    const four = pickQuotes(candidates, 4);
    expect(four.slice(0, 3)).toEqual(three);
    expect(four[3]).toBe(candidates[1]);
  });

  it("still takes a passage's second span first when it is clearly better than the other passages", () => {
    const compute = guestPassage('确实,如果你给模型增加更多的计算能力');
    const other = guestPassage('数据质量至关重要');
    const candidates = [candidate(compute, 0, 0.9), candidate(compute, 1, 0.88), candidate(other, 0, 0.5)];
    expect(pickQuotes(candidates, 2)).toEqual([candidates[0], candidates[1]]);
  });

  it('leaves out quotes scoring under half the best statement', () => {
    const a = guestPassage('数据质量至关重要');
    const b = guestPassage('大约10亿美元');
    expect(pickQuotes([candidate(a, 0, 0.8), candidate(b, 0, 0.3)], 3)).toHaveLength(1);
  });
});

describe('gatherEvidence', () => {
  it('offers a short closing sentence joined to the sentence it completes', () => {
    const passage = guestPassage('但是,还有很多其他事情可以做');
    const last = passage.sentences.length - 1;
    const query = analyzeQuery('Can a company keep up by scaling?', index, new Set(['gomez']));
    const evidence = gatherEvidence([{ source, passage, relative: 1 }], query.concepts);
    expect(evidence.candidates.some((c) => c.first === last - 1 && c.last === last)).toBe(true);
    // On equal fit the joined span comes first: the same words, completed.
    expect(evidence.candidates[0]!.last).toBe(last);
  });

  it('prefers, for a "who" question, the sentence naming someone the question does not', () => {
    const passage = guestPassage('Elon Musk');
    const question = 'Who does Gomez compare Yann to?';
    const query = analyzeQuery(question, index, new Set(['gomez']));
    const plain = gatherEvidence([{ source, passage, relative: 1 }], query.concepts);
    const shaped = gatherEvidence([{ source, passage, relative: 1 }], query.concepts, 'person', question);
    const elon = (e: typeof plain) => e.candidates.find((c) => passage.sentences[c.first]!.text.includes('Elon Musk'))!.score;
    expect(elon(shaped)).toBeGreaterThan(elon(plain));
    expect(passage.sentences[shaped.candidates[0]!.first]!.text).toContain('Elon Musk');
  });
});

describe('evidence on the seed interview', () => {
  it('answers with statements, not the rhetorical question that matches the words best', async () => {
    const answer = await core.ask('How will the synthetic data market develop over the next ten years?');
    expect(answer.answered).toBe(true);
    expect(isQuestion(answer.quotes[0]!.text)).toBe(false);
    const firstQuestion = answer.quotes.findIndex((q) => isQuestion(q.text));
    const lastStatement = answer.quotes.map((q) => isQuestion(q.text)).lastIndexOf(false);
    if (firstQuestion >= 0) expect(firstQuestion).toBeGreaterThan(lastStatement);
    expect(answer.quotes.some((q) => q.text.includes('合成数据'))).toBe(true);
  });

  it('keeps the sentence naming the board among the first quotes beside another passage on the board', async () => {
    const answer = await core.ask("Who sits on Cohere's board?");
    expect(answer.quotes.slice(0, 3).some((q) => q.text.includes('Mike Volpi和Jordan Jacobs'))).toBe(true);
  });
});
