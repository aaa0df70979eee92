import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GomezCore } from '../../src/core.ts';
import { evaluate, type EvalReport } from '../../src/eval/evaluate.ts';
import { formatEvalReport } from '../../src/eval/report.ts';
import { extractiveCore } from '../answer/helpers.ts';

/** The team's own held-out questions (paraphrased unlike the public dev set), English and Chinese. */
const HELDOUT = fileURLToPath(new URL('./heldout.jsonl', import.meta.url));
/** A second set covering every part of the interview, with near misses only the host or narration mention. */
const HELDOUT2 = fileURLToPath(new URL('./heldout2.jsonl', import.meta.url));

let core: GomezCore;
let report: EvalReport;
let report2: EvalReport;

beforeAll(async () => {
  core = await extractiveCore();
  report = await evaluate(core, HELDOUT);
  report2 = await evaluate(core, HELDOUT2);
});

describe('held-out questions, second set (whole interview, strict reading)', () => {
  it('quotes every answer verbatim and never misattributes', () => {
    expect(report2.nonVerbatim, formatEvalReport(report2)).toBe(0);
    expect(report2.misattributed, formatEvalReport(report2)).toBe(0);
  });

  it('has a quote containing (or contained in) a gold string among the first three for most questions', () => {
    expect(report2.answerable).toBeGreaterThanOrEqual(35);
    expect(report2.strictHitAt3, formatEvalReport(report2)).toBeGreaterThanOrEqual(0.9);
    expect(report2.answeredRate, formatEvalReport(report2)).toBeGreaterThanOrEqual(0.95);
  });

  it('refuses absent topics and near misses only the host or the narration mention', () => {
    expect(report2.unanswerable).toBeGreaterThanOrEqual(8);
    expect(report2.refusalAccuracy, formatEvalReport(report2)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('held-out questions', () => {
  it('quotes every answer verbatim and never misattributes', () => {
    expect(report.nonVerbatim, formatEvalReport(report)).toBe(0);
    expect(report.misattributed, formatEvalReport(report)).toBe(0);
  });

  it('finds the right evidence in the first three quotes for most answerable questions', () => {
    expect(report.answerable).toBeGreaterThanOrEqual(12);
    expect(report.hitAt3, formatEvalReport(report)).toBeGreaterThanOrEqual(0.85);
    expect(report.strictHitAt3, formatEvalReport(report)).toBeGreaterThanOrEqual(0.9);
  });

  it('refuses what the interview does not cover', () => {
    expect(report.unanswerable).toBeGreaterThanOrEqual(5);
    expect(report.refusalAccuracy, formatEvalReport(report)).toBeGreaterThanOrEqual(0.9);
  });
});

/**
 * Sets written later to measure generalisation: heldout3 was scored untouched once (strict hit@3 0.769)
 * before general fixes its failures suggested; heldout4 was scored untouched once (0.591) before the last
 * round; heldout5 (paraphrases sharing few words with the translation) was scored before the sentences got
 * search terms (0.292) and reaches 0.625 with them; heldout6 (colloquial Chinese paraphrases, 15 answerable and
 * 5 near misses) was scored before the sentences got Chinese search terms (`terms_zh`: strict hit@3 0.067,
 * refusal 0.8) and reaches 0.667 (refusal 1.0) with them. Thresholds are what the system reaches now, to
 * catch regressions, not targets.
 */
describe.each([
  ['heldout3.jsonl', 0.9],
  ['heldout4.jsonl', 0.85],
  ['heldout5.jsonl', 0.6],
  ['heldout6.jsonl', 0.65],
])('later held-out set %s', (file, strictHitAt3) => {
  let later: EvalReport;
  beforeAll(async () => {
    later = await evaluate(core, fileURLToPath(new URL(`./${file}`, import.meta.url)));
  });

  it('stays verbatim, attributed, and refuses what is not covered', () => {
    expect(later.nonVerbatim, formatEvalReport(later)).toBe(0);
    expect(later.misattributed, formatEvalReport(later)).toBe(0);
    expect(later.refusalAccuracy, formatEvalReport(later)).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps its strict hit@3', () => {
    expect(later.strictHitAt3, formatEvalReport(later)).toBeGreaterThanOrEqual(strictHitAt3);
  });
});
