import { beforeAll, describe, expect, it } from 'vitest';
import { quoteOf } from '../../src/answer/quote.ts';
import type { Answer, Quote } from '../../src/answer/types.ts';
import type { GomezCore } from '../../src/core.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus, Source } from '../../src/corpus/types.ts';
import { parseEvalSet } from '../../src/eval/dataset.ts';
import { evaluateItems } from '../../src/eval/evaluate.ts';
import { containsEither, longestCommonSubstring, overlaps } from '../../src/eval/overlap.ts';
import { formatEvalReport } from '../../src/eval/report.ts';
import { InputError } from '../../src/errors.ts';
import { CORPUS_DIR } from '../answer/helpers.ts';

let corpus: Corpus;
let source: Source;

beforeAll(() => {
  corpus = loadCorpus(CORPUS_DIR);
  source = corpus.sources[0]!;
});

function guestQuote(containing: string): Quote {
  const passage = source.passages.find((p) => p.role === 'guest' && p.text.includes(containing))!;
  const i = passage.sentences.findIndex((s) => s.text.includes(containing));
  return quoteOf(source, passage, i, i);
}

/** A core double answering from a fixed table, over the real corpus. */
function scriptedCore(answers: Record<string, Quote[] | 'refuse'>): GomezCore {
  return {
    corpus,
    guestName: 'Aidan Gomez',
    botName: 'Verbatim',
    read: () => {
      throw new Error('not used by the eval');
    },
    ask: async (question: string): Promise<Answer> => {
      const scripted = answers[question] ?? 'refuse';
      return scripted === 'refuse'
        ? { question, answered: false, answer: 'not covered', quotes: [], mode: 'extractive' }
        : { question, answered: true, answer: 'lead', quotes: scripted, mode: 'extractive' };
    },
    quotes: async () => {
      throw new Error('unused');
    },
    summarize: async () => {
      throw new Error('unused');
    },
    topics: () => [],
  };
}

describe('overlap', () => {
  it('counts containment either way and long shared runs, not short shared phrases', () => {
    expect(overlaps('大约10亿美元。', '大约10亿美元')).toBe(true);
    expect(overlaps('肯定是Jeff', '肯定是Jeff,我和他的私人关系更亲密。')).toBe(true);
    expect(overlaps('甲乙丙丁课程学习在机器学习中', '课程学习在机器学习中实际上是失败的')).toBe(true);
    expect(overlaps('我们的模型很好', '你们的模型很差')).toBe(false);
    expect(overlaps('', 'x')).toBe(false);
    expect(longestCommonSubstring('abcdef', 'zcdez')).toBe(3);
  });

  it('reads strictly as containment either way, never as a shared name or phrase', () => {
    expect(containsEither('Mike Volpi和Jordan Jacobs,他们现在是我的董事会成员。', 'Mike Volpi和Jordan Jacobs')).toBe(true);
    expect(containsEither('大约10亿美元', '大约10亿美元。')).toBe(true);
    // Lenient overlap accepts a sentence sharing only a long name with the gold; the strict reading does not.
    const other = '我们的第一位投资者Radical Ventures的Jordan Jacobs现在仍然在我们的董事会中';
    expect(overlaps(other, 'Mike Volpi和Jordan Jacobs')).toBe(true);
    expect(containsEither(other, 'Mike Volpi和Jordan Jacobs')).toBe(false);
    expect(containsEither('', 'x')).toBe(false);
  });
});

describe('evaluate', () => {
  const items = parseEvalSet(
    [
      { id: 'a1', question: 'q1', answerable: true, gold_any: ['课程学习在机器学习中实际上是失败的'] },
      { id: 'a2', question: 'q2', answerable: true, gold_any: ['大约10亿美元'] },
      { id: 'a3', question: 'q3', answerable: true, gold_any: ['数据质量至关重要'], not_gomez: ['数据质量不能忽视'] },
      { id: 'a4', question: 'q4', answerable: true, gold_any: ['可能是第一轮'] },
      { id: 'u1', question: 'q5', answerable: false },
      { id: 'u2', question: 'q6', answerable: false },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n'),
  );

  it('computes hit@1, hit@3, refusal accuracy, answered rate, non-verbatim and misattributed counts', async () => {
    const hostText = source.passages.find((p) => p.role === 'host')!.text;
    const heading = source.passages.find((p) => p.role === 'heading' && p.text === '数据质量不能忽视')!;
    const core = scriptedCore({
      q1: [guestQuote('课程学习在机器学习中实际上是失败的')],
      q2: [guestQuote('推理并不难'), guestQuote('数据质量至关重要'), guestQuote('大约10亿美元')],
      q3: [{ ...guestQuote('数据质量至关重要'), text: heading.text }],
      // q4 refused although answerable
      q5: [{ ...guestQuote('推理并不难'), text: '推理并不难 (paraphrased)' }],
      q6: [{ ...guestQuote('推理并不难'), text: hostText }],
    });
    const report = await evaluateItems(core, items, 'fixture');
    expect(report.answerable).toBe(4);
    expect(report.unanswerable).toBe(2);
    expect(report.hitAt1).toBe(0.25);
    expect(report.hitAt3).toBe(0.5);
    expect(report.strictHitAt1).toBe(0.25);
    expect(report.strictHitAt3).toBe(0.5);
    expect(report.answeredRate).toBe(0.75);
    expect(report.refusalAccuracy).toBe(0);
    expect(report.nonVerbatim).toBe(1);
    expect(report.misattributed).toBe(2);
    const byId = new Map(report.results.map((r) => [r.id, r]));
    expect(byId.get('a1')!.failure).toBeNull();
    expect(byId.get('a2')!.hitRank).toBe(3);
    expect(byId.get('a3')!.failure).toBe('misattributed quote');
    expect(byId.get('a4')!.failure).toBe('refused an answerable question');
    expect(byId.get('u1')!.failure).toBe('non-verbatim quote');
    expect(byId.get('u2')!.failure).toBe('misattributed quote');

    const text = formatEvalReport(report);
    expect(text).toContain('hit@3              0.500    0.500');
    expect(text).toMatch(/lenient\s+strict/);
    expect(text).toContain('[a4] q4');
    expect(text).not.toContain('[a1]');
  });

  it('scores a quote that only shares a name with the gold as a lenient hit but a strict miss', async () => {
    const board = parseEvalSet(JSON.stringify({ id: 'b1', question: 'board', answerable: true, gold_any: ['Mike Volpi和Jordan Jacobs'] }));
    const report = await evaluateItems(scriptedCore({ board: [guestQuote('我们的第一位投资者Radical Ventures的Jordan Jacobs')] }), board, 'fixture');
    expect(report.hitAt3).toBe(1);
    expect(report.strictHitAt3).toBe(0);
    expect(report.results[0]!.hitRank).toBe(1);
    expect(report.results[0]!.strictHitRank).toBeNull();
    expect(report.results[0]!.failure).toBe('gold evidence only loosely overlapped (strict miss)');
    const exact = await evaluateItems(scriptedCore({ board: [guestQuote('Mike Volpi和Jordan Jacobs')] }), board, 'fixture');
    expect(exact.strictHitAt1).toBe(1);
    expect(exact.results[0]!.failure).toBeNull();
  });

  it('rejects a malformed eval file, naming the line', () => {
    expect(() => parseEvalSet('{"id":"x","question":"q","answerable":true,"gold_any":["g"]}\nnot json')).toThrow(InputError);
    expect(() => parseEvalSet('{"id":"x","question":"q","answerable":true}', 'f.jsonl')).toThrow(/f\.jsonl:1: an answerable question needs gold_any/);
    expect(() => parseEvalSet('\n\n')).toThrow(/no questions/);
  });
});
