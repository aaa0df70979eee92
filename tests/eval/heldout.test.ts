import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GomezCore } from '../../src/core.ts';
import { evaluate, type EvalReport } from '../../src/eval/evaluate.ts';
import { formatEvalReport } from '../../src/eval/report.ts';
import { extractiveCore } from '../answer/helpers.ts';

/** The team's own held-out questions (paraphrased unlike the public dev set), English and Chinese. */
const HELDOUT = fileURLToPath(new URL('./heldout.jsonl', import.meta.url));

let core: GomezCore;
let report: EvalReport;

beforeAll(async () => {
  core = await extractiveCore();
  report = await evaluate(core, HELDOUT);
});

describe('held-out questions', () => {
  it('quotes every answer verbatim and never misattributes', () => {
    expect(report.nonVerbatim, formatEvalReport(report)).toBe(0);
    expect(report.misattributed, formatEvalReport(report)).toBe(0);
  });

  it('finds the right evidence in the first three quotes for most answerable questions', () => {
    expect(report.answerable).toBeGreaterThanOrEqual(12);
    expect(report.hitAt3, formatEvalReport(report)).toBeGreaterThanOrEqual(0.85);
  });

  it('refuses what the interview does not cover', () => {
    expect(report.unanswerable).toBeGreaterThanOrEqual(5);
    expect(report.refusalAccuracy, formatEvalReport(report)).toBeGreaterThanOrEqual(0.9);
  });
});
