import { describe, expect, it } from 'vitest';
import { passageContext } from '../../src/answer/llm/context.ts';
import { quoteToolsFor } from '../../src/answer/llm/quote-tools.ts';
import { verifyModelAnswer } from '../../src/answer/llm/verify-answer.ts';
import type { ModelAnswer } from '../../src/answer/llm/schema.ts';
import { passageWith, repoCorpus, sentenceWith } from './helpers.ts';

const corpus = repoCorpus();
const gomez = { name: 'Aidan Gomez', speaker: null };
const hostQuestion = passageWith('那么合成数据市场会是什么样子', 'host');
const guestAnswer = passageWith('我们将重点转向合成数据', 'guest');
const otherGuest = passageWith('课程学习在机器学习中实际上是失败的', 'guest');
// P1 host, P2 guest (synthetic data), P3 guest (curriculum learning)
const context = passageContext(corpus, [hostQuestion, guestAnswer, otherGuest]);
const tools = quoteToolsFor(corpus, gomez);
const syntheticSentence = sentenceWith(guestAnswer, '合成数据');

function verify(answer: Partial<ModelAnswer>) {
  return verifyModelAnswer({ answered: true, sentences: [], quotes: [], ...answer }, context, tools, 3);
}

describe('verifyModelAnswer', () => {
  it('keeps an exact guest quote with its translation and source, and the sentence citing it', () => {
    const out = verify({
      sentences: [{ text: 'Gomez says Cohere shifted its focus to synthetic data.', passage_ids: ['P2'] }],
      quotes: [{ passage_id: 'P2', text: syntheticSentence }],
    });
    expect(out.sentences).toEqual(['Gomez says Cohere shifted its focus to synthetic data.']);
    expect(out.quotes).toHaveLength(1);
    const [quote] = out.quotes;
    expect(quote?.text).toBe(syntheticSentence);
    expect(quote?.speaker).toBe('Aidan Gomez');
    expect(quote?.translation).toBeTruthy();
    expect(quote?.source).toMatchObject({ id: '20vc-aidan-gomez', locator: `turn ${guestAnswer.turn}` });
    expect(corpus.sources[0]!.text.includes(quote!.text)).toBe(true);
  });

  it('drops a host quote and an invented quote, and the sentences resting only on them', () => {
    const out = verify({
      sentences: [
        { text: 'Gomez expects two or three vendors to dominate.', passage_ids: ['P1'] },
        { text: 'Gomez predicts robots will replace programmers.', passage_ids: ['P3'] },
      ],
      quotes: [
        { passage_id: 'P1', text: hostQuestion.sentences[0]!.text },
        { passage_id: 'P3', text: '机器人将在明年取代所有的软件工程师。' },
      ],
    });
    expect(out.quotes).toEqual([]);
    expect(out.sentences).toEqual([]);
    expect(out.rejections).toEqual(expect.arrayContaining(['not-the-person', 'invented-quote', 'no-citation']));
  });

  it('replaces a quote given as the English translation by the verbatim original sentence', () => {
    const sentence = guestAnswer.sentences.find((s) => s.text === syntheticSentence)!;
    const out = verify({
      sentences: [{ text: 'Gomez says they turned to synthetic data.', passage_ids: ['P2'] }],
      quotes: [{ passage_id: 'P2', text: sentence.translation! }],
    });
    expect(out.quotes.map((q) => q.text)).toEqual([syntheticSentence]);
    expect(out.matches).toEqual(['closest-sentence']);
  });

  it('removes sentences that cite nothing, cite unknown ids, or speak as Gomez', () => {
    const out = verify({
      sentences: [
        { text: 'No citation here.', passage_ids: [] },
        { text: 'Unknown id.', passage_ids: ['P9'] },
        { text: 'I shifted our focus to synthetic data.', passage_ids: ['P2'] },
        { text: '他说公司把重点转向了合成数据。', passage_ids: ['p2'] },
      ],
      quotes: [{ passage_id: 'P2', text: syntheticSentence }],
    });
    expect(out.sentences).toEqual(['他说公司把重点转向了合成数据。']);
    expect(out.rejections).toEqual(expect.arrayContaining(['no-citation', 'first-person']));
  });

  it('removes passage-id markers from the prose and keeps the answer short', () => {
    const out = verify({
      sentences: Array.from({ length: 6 }, (_, i) => ({ text: `Synthetic data, point ${'ABCDEF'[i]} (P2).`, passage_ids: ['P2'] })),
      quotes: [{ passage_id: 'P2', text: syntheticSentence }],
    });
    expect(out.sentences).toEqual(['Synthetic data, point A.', 'Synthetic data, point B.', 'Synthetic data, point C.', 'Synthetic data, point D.']);
  });

  it('keeps at most `limit` quotes and no duplicates', () => {
    const quotes = [syntheticSentence, syntheticSentence, ...otherGuest.sentences.map((s) => s.text)].map((text, i) => ({
      passage_id: i < 2 ? 'P2' : 'P3',
      text,
    }));
    const out = verifyModelAnswer({ answered: true, sentences: [], quotes }, context, tools, 2);
    expect(out.quotes).toHaveLength(2);
    expect(new Set(out.quotes.map((q) => q.text)).size).toBe(2);
  });
});
