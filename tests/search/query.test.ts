import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { PassageIndex } from '../../src/search/passage-index.ts';
import { analyzeQuery, coverage, expectedAnswer, NAMED_CONTEXT_CREDIT, turnCoverage, type QueryConcept } from '../../src/search/query.ts';
import { tokenizeQuery } from '../../src/search/tokenize.ts';
import { CORPUS_DIR } from '../answer/helpers.ts';

let index: PassageIndex;
const NAMES = new Set(['aidan', 'gomez']);

beforeAll(() => {
  index = PassageIndex.build(loadCorpus(CORPUS_DIR));
});

function concept(question: string, term: string): QueryConcept | undefined {
  return analyzeQuery(question, index, NAMES).concepts.find((c) => c.term === term);
}

describe('analyzeQuery', () => {
  it('weighs filler words (time adverbs, generic verbs, quantifiers) lightly and never as unknown', () => {
    const eventually = concept('Will the gains from scaling up eventually hit a wall?', tokenizeQuery('eventually')[0]!)!;
    const scaling = concept('Will the gains from scaling up eventually hit a wall?', 'scale')!;
    expect(eventually.unknown).toBe(false);
    expect(eventually.weight).toBeLessThan(1);
    expect(scaling.weight).toBeGreaterThan(2);
    expect(concept('Cohere一共融了多少钱?', '一共')!.weight).toBeLessThan(1);
  });

  it('weighs an unknown manner adverb lightly, but not an unknown noun ending in -ly', () => {
    const calmly = analyzeQuery('Does Gomez calmly answer a hard problem?', index, NAMES).concepts.find((c) => c.surface === 'calmly')!;
    expect(calmly.unknown).toBe(false);
    expect(calmly.weight).toBeLessThan(1);
    // With a synonym the corpus uses, the adverb is a concept like any other ("instantly" -> "immediately").
    const instantly = analyzeQuery('Can a person answer instantly?', index, NAMES).concepts.find((c) => c.surface === 'instantly')!;
    expect(instantly.related.length).toBeGreaterThan(0);
    const family = analyzeQuery('What did Gomez say about his family?', index, NAMES).concepts.find((c) => c.surface === 'family')!;
    expect(family.unknown).toBe(true);
  });

  it('finds an English word of the translation for a Chinese question word through the thesaurus', () => {
    const example = concept('Gomez用飞船举了什么例子?', '例子')!;
    expect(example.related).toContain(tokenizeQuery('example')[0]);
  });

  it('still gives an absent subject the highest weight', () => {
    const bitcoin = concept('What did Gomez say about Bitcoin?', 'bitcoin')!;
    expect(bitcoin.unknown).toBe(true);
    expect(bitcoin.weight).toBe(index.idf('\u0000no-such-term'));
  });

  it('lets a hyphenated word the corpus lacks stand aside for its parts', () => {
    const terms = analyzeQuery('How can a company without Microsoft-sized money keep up?', index, NAMES).concepts.map((c) => c.term);
    expect(terms).not.toContain('microsoft-sized');
    expect(terms).toContain('microsoft');
  });

  it('finds "adding" by "add", "rebuild" by "build" and a particle-glued Chinese word by its stem', () => {
    expect(concept('Does adding compute help?', 'add')).toBeDefined();
    expect(concept('Is it cheap to rebuild an older model?', 'build')).toBeDefined();
    const glued = analyzeQuery('Cohere一共融了多少钱?', index, NAMES).concepts.map((c) => c.term);
    expect(glued).not.toContain('融了');
  });

  it('does not let a generic part stand in for an unknown Chinese compound', () => {
    const apple = analyzeQuery('Gomez对苹果公司有什么看法?', index, NAMES).concepts;
    expect(apple.some((c) => c.unknown)).toBe(true);
    expect(coverage(apple, new Set(['公司']))).toBe(0);
  });

  it('reads the kind of answer a question asks for from its question word', () => {
    expect(expectedAnswer("Who sits on Cohere's board?")).toBe('person');
    expect(expectedAnswer('When will humanoid robots arrive?')).toBe('time');
    expect(expectedAnswer('Gomez认为人形机器人什么时候会出现?')).toBe('time');
    expect(expectedAnswer('Gomez说Yann像谁?')).toBe('person');
    // A choice between names given in the question asks for no new name.
    expect(expectedAnswer("Whose outlook does Gomez share, Yann's or Jeff's?")).toBeNull();
    expect(expectedAnswer('What did Gomez say about data?')).toBeNull();
    expect(expectedAnswer('How much money has Cohere raised?')).toBe('amount');
    expect(expectedAnswer('Cohere一共融了多少钱?')).toBe('amount');
    // "How much" of a feeling is no amount.
    expect(expectedAnswer('How much does Gomez care about open source?')).toBeNull();
  });

  it('treats colloquial Chinese question fillers as weak or frame words, not topics', () => {
    const { concepts, frame } = analyzeQuery('要是模型为啥是不是更贵?', index, NAMES);
    expect(frame).toContain('为啥');
    for (const filler of ['要是', '是不是']) {
      const c = concepts.find((x) => x.term === filler);
      expect(c, filler).toBeDefined();
      expect(c!.weight, filler).toBeLessThan(1);
      expect(c!.unknown, filler).toBe(false);
    }
  });

  it('lets WordNet synonyms the corpus uses stand in for an ordinary word it lacks, at a low credit', () => {
    const peril = concept('what perils does he see in chatbots?', tokenizeQuery('perils')[0]!)!;
    expect(peril.related).toContain(tokenizeQuery('risk')[0]);
    expect(peril.unknown).toBe(false);
    expect(peril.relatedCredit).toBeLessThan(0.5);
    // Weighed as its commonest stand-in, not as an absent subject.
    expect(peril.weight).toBeLessThan(index.idf('\u0000no-such-term'));
    expect(peril.weight).toBe(Math.min(...peril.related.map((r) => index.idf(r))));
    expect(coverage([peril], new Set(peril.related.slice(0, 1)))).toBeCloseTo(peril.relatedCredit!);
    // A name is not looked up: "Bitcoin" stays an absent subject (see above); so does a word WordNet lacks.
    // A capitalised word inside a question is a name ("Perils", a product, say): no synonyms for it.
    const named = analyzeQuery('what does he say about Perils for chatbots?', index, NAMES).concepts.find((c) => c.surface === 'Perils')!;
    expect(named).toMatchObject({ related: [], unknown: true });
  });

  it('reads a hyphenated word WordNet lists as one word, its parts standing aside', () => {
    const terms = analyzeQuery('what did he flip-flop on lately?', index, NAMES).concepts;
    const whole = terms.find((c) => c.surface === 'flip-flop')!;
    expect(whole.related).toContain(tokenizeQuery('turn')[0]);
    expect(terms.map((c) => c.surface)).not.toContain('flop');
    // A hyphenated word WordNet does not list still stands aside for its parts.
    expect(analyzeQuery('a Microsoft-sized budget?', index, NAMES).concepts.map((c) => c.surface)).not.toContain('Microsoft-sized');
  });

  it('weighs prepositions the stopword list lacks lightly ("against", "despite")', () => {
    const against = concept('can a tiny startup survive against the giants?', 'against')!;
    expect(against.unknown).toBe(false);
    expect(against.weight).toBeLessThan(1);
    expect(concept('does the lab keep going despite the costs?', 'despit')!.weight).toBeLessThan(1);
  });

  it('marks capitalised words inside the question as names', () => {
    expect(concept('Did Gomez talk about his years at Google?', 'googl')!.named).toBe(true);
    expect(concept('Did Gomez talk about his years at Google?', 'year')!.named).toBe(false);
    // English capitalises a sentence's first word, Chinese does not: a Latin word opening a Chinese question is a name.
    expect(concept('Google is hiring?', 'googl')!.named).toBe(false);
    expect(concept('Cohere现在有多少员工?', 'coher')!.named).toBe(true);
  });
});

describe('turnCoverage', () => {
  it('counts a name only the other speaker mentions at a fraction, other words fully', () => {
    const { concepts } = analyzeQuery('What did Gomez say about Google and scaling?', index, NAMES);
    const google = concepts.find((c) => c.term === 'googl')!;
    const scale = concepts.find((c) => c.term === 'scale')!;
    const around = new Set(['googl']);
    const own = new Set(['scale']);
    const expected = (scale.weight + NAMED_CONTEXT_CREDIT * google.weight) / (scale.weight + google.weight);
    expect(turnCoverage(concepts, own, around)).toBeCloseTo(expected, 6);
    expect(turnCoverage(concepts, new Set(['scale', 'googl']), new Set())).toBeCloseTo(1, 6);
    // An unnamed word is covered by the question before the turn as fully as by the turn itself.
    const money = analyzeQuery('How much money has been raised?', index, NAMES).concepts;
    expect(turnCoverage(money, new Set(), new Set(['monei', 'rais']))).toBeCloseTo(coverage(money, new Set(['monei', 'rais'])), 6);
  });
});

describe('comparatives', () => {
  it('brings comparatives and superlatives together with their base word', () => {
    expect(tokenizeQuery('harder hardest')).toEqual(tokenizeQuery('hard hard'));
    expect(tokenizeQuery('easier easiest')).toEqual(tokenizeQuery('easy easy'));
  });
});
