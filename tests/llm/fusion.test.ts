import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/search/fusion.ts';

describe('reciprocalRankFusion', () => {
  it('ranks items found by several lists above items found by one', () => {
    const fused = reciprocalRankFusion([['a', 'b', 'c'], ['c', 'd'], ['c', 'b']], (x) => x);
    expect(fused.map((f) => f.item)).toEqual(['c', 'b', 'a', 'd']);
    expect(fused[0]?.bestRank).toBe(0);
  });

  it('is the single list when there is only one', () => {
    expect(reciprocalRankFusion([['x', 'y', 'z']], (x) => x).map((f) => f.item)).toEqual(['x', 'y', 'z']);
  });

  it('handles empty input', () => {
    expect(reciprocalRankFusion<string>([[], []], (x) => x)).toEqual([]);
  });
});
