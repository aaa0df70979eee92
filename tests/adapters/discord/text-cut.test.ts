import { describe, expect, it } from 'vitest';
import { cutText, verbatimPrefix } from '../../../src/adapters/discord/text-cut.ts';

describe('cutting text for Discord', () => {
  const english = 'Data quality matters. Scale is not everything! Would you agree? Probably yes.';

  it('keeps short text as is', () => {
    expect(cutText(english, 500)).toBe(english);
    expect(verbatimPrefix(english, 500)).toBe(english);
  });

  it('cuts at the last whole sentence that fits, with an ellipsis', () => {
    expect(cutText(english, 50)).toBe('Data quality matters. Scale is not everything!…');
    expect(cutText(english, 30)).toBe('Data quality matters.…');
  });

  it('falls back to whole words, never mid-word', () => {
    const cut = cutText('Supercalifragilistic expialidocious words everywhere in one sentence', 30);
    expect(cut).toBe('Supercalifragilistic…');
    expect(cutText('Incomprehensibilities', 10)).toBe('');
  });

  it('cuts Chinese at sentence ends, and at word boundaries when one sentence is too long', () => {
    const zh = '数据质量对模型来说至关重要。只卖模型无法和OpenAI抗衡。规模不是唯一途径。';
    expect(verbatimPrefix(zh, 20)).toBe('数据质量对模型来说至关重要。');
    const words = verbatimPrefix('数据质量对模型来说至关重要', 6);
    expect('数据质量对模型来说至关重要'.startsWith(words)).toBe(true);
    expect(words.length).toBeLessThanOrEqual(6);
    expect(words.length).toBeGreaterThan(0);
  });

  it('a verbatim prefix is always an exact prefix of the text, without ellipsis', () => {
    for (const max of [5, 12, 25, 40, 60]) {
      const prefix = verbatimPrefix(english, max);
      expect(english.startsWith(prefix)).toBe(true);
      expect(prefix.length).toBeLessThanOrEqual(max);
    }
  });
});
