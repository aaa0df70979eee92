import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { TermIndex, TermIndexBuilder } from '../../src/search/term-index.ts';

/** Already-tokenised documents with three fields, like passages (text, translation, context). */
const DOCS = [
  ['start simple hosted model validate', '', 'why start simple diagram'],
  ['ladder complexity engineering complexity constraint', '', 'start simple'],
  ['open source developer build thing', 'open source', ''],
  ['fine tune model cost latency model', '', 'fine tune'],
  ['', 'simple model', 'simple simple simple'],
];
const FIELDS = ['text', 'en', 'context'];
const BOOST = { text: 1, en: 1, context: 0.35 };

function miniSearch(): MiniSearch {
  const split = (s: string) => (s === '' ? [] : s.split(' '));
  const mini = new MiniSearch({ idField: 'id', fields: FIELDS, tokenize: split, processTerm: (t: string) => t });
  DOCS.forEach((d, id) => mini.add({ id, text: d[0], en: d[1], context: d[2] }));
  return mini;
}

function termIndex(): TermIndex {
  const builder = new TermIndexBuilder(FIELDS);
  for (const d of DOCS) builder.add(d.map((f) => (f === '' ? [] : f.split(' '))));
  return builder.build();
}

describe('TermIndex', () => {
  it('scores exactly as MiniSearch does (BM25+, field boosts, term weights, matched-term factor)', () => {
    const weights = new Map([['simple', 1], ['model', 0.5], ['complexity', 1], ['nowhere', 1]]);
    const expected = miniSearch()
      .search([...weights.keys()].join(' '), {
        tokenize: (s: string) => s.split(' '),
        processTerm: (t: string) => t,
        boost: BOOST,
        boostTerm: (t: string) => weights.get(t) ?? 1,
        combineWith: 'OR',
      })
      .map((r) => ({ doc: Number(r.id), score: r.score, terms: r.queryTerms }));
    const actual = termIndex().search(weights, [1, 1, 0.35], null, 10);
    expect(actual).toEqual(expected);
    expect(actual.length).toBe(4);
  });

  it('filters with a mask, keeps only the best, and survives serialisation', () => {
    const index = termIndex();
    const weights = new Map([['simple', 1]]);
    const allowed = Uint8Array.from([0, 1, 1, 1, 1]);
    const filtered = index.search(weights, [1, 1, 0.35], allowed, 10);
    expect(filtered.map((h) => h.doc).sort()).toEqual([1, 4]);
    expect(index.search(weights, [1, 1, 0.35], null, 1)).toHaveLength(1);

    const back = TermIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(back.search(weights, [1, 1, 0.35], null, 10)).toEqual(index.search(weights, [1, 1, 0.35], null, 10));
    expect(back.documentsWithAny('simple', [0, 1])).toBe(2);
  });

  it('scores a very common term on its champion list (best documents) only when the search is broad', () => {
    const builder = new TermIndexBuilder(['text']);
    // "common" is in 5 documents; the ones where it weighs most are 1 (tf 3) and 3 (tf 2, the shortest).
    const docs = [['common', 'a', 'b', 'c'], ['common', 'common', 'common', 'd'], ['common', 'e', 'f'], ['common', 'common'], ['common', 'g', 'h', 'i', 'j']];
    for (const d of docs) builder.add([d]);
    const index = builder.build({ min: 3, size: 2 });
    const weights = new Map([['common', 1]]);
    expect(index.search(weights, [1], null, 10).map((h) => h.doc)).toEqual([1, 3]);
    // A narrow filter (under half the documents) is always scored on the whole list.
    const narrow = Uint8Array.from([1, 0, 1, 0, 0]);
    expect(index.search(weights, [1], narrow, 10).map((h) => h.doc).sort()).toEqual([0, 2]);
    // Without tiers (the default lists are thousands long) every document counts.
    const exact = new TermIndexBuilder(['text']);
    for (const d of docs) exact.add([d]);
    expect(exact.build().search(weights, [1], null, 10)).toHaveLength(5);
  });

  it('rejects a saved index whose arrays do not fit together', () => {
    const json = index2json();
    json.docCount = 99;
    expect(() => TermIndex.fromJSON(json)).toThrow();
  });
});

function index2json() {
  return JSON.parse(JSON.stringify(termIndex().toJSON())) as { docCount: number };
}
