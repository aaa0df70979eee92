import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { evaluateSummaries, scoreDigest } from '../../src/summary/evaluate-summary.ts';
import { loadKeyPoints, parseKeyPoints } from '../../src/summary/key-points.ts';
import { CORPUS_DIR } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('gomez eval-summary: digests scored against key points', () => {
  it('the seed digest covers the article\'s headline, lede and heading points, with no fragment and no bad quote', async () => {
    const points = loadKeyPoints(resolve(ROOT, 'eval/summary/seed.jsonl'));
    const report = await evaluateSummaries(await loadCorpus(CORPUS_DIR), points);
    const editorial = points.filter((p) => p.from !== 'team').map((p) => p.id);
    const missed = report.sources[0]!.missed;
    for (const id of editorial) expect(missed, id).not.toContain(id);
    expect(report.themes).toBeLessThanOrEqual(8);
    expect(report.fragmentTakeaways).toBe(0);
    expect(report.keywordTitles).toBe(0);
    expect(report.badQuotes).toBe(0);
  });

  it('counts a theme without a key point, a fragment takeaway and a keyword title', () => {
    const [point] = parseKeyPoints('{"source":"s","id":"p","point":"x","gold_any":["data quality matters a lot"]}');
    const quote = (text: string) => ({ text, speaker: 'G', source: { id: 's', title: 't', url: 'u', locator: 'turn 1' } });
    const score = scoreDigest(
      {
        topic: null,
        answered: true,
        mode: 'extractive',
        themes: [
          { title: 'Data quality', takeaway: 'Gomez says data quality matters a lot to every model.', quotes: [quote('data quality matters a lot')] },
          { title: 'Muscle and problem', takeaway: 'Gomez says then at that level, that becomes an agent.', quotes: [quote('something else entirely')] },
        ],
      },
      [point!],
      'Gomez',
      () => true,
    );
    expect(score.covered).toEqual(['p']);
    expect(score.offPoint).toEqual(['Muscle and problem']);
    expect(score.fragments).toHaveLength(1);
    expect(score.keywordTitles).toEqual(['Muscle and problem']);
  });

  it('names the file and line of a malformed key point', () => {
    expect(() => parseKeyPoints('{"source":"s","id":"p","point":"x","gold_any":[]}', 'k.jsonl')).toThrow(/k\.jsonl:1: gold_any/);
  });
});
