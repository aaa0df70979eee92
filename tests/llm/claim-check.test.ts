import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../src/answer/llm/claim-check.ts';
import { passageWith } from './helpers.ts';

// Guest passage: "…so we've shifted our focus to synthetic data and invested a lot of resources in that area."
const synthetic = passageWith('我们将重点转向合成数据', 'guest');
const names = ['Aidan Gomez'];

describe('checkClaim: an answer sentence against the passages it cites', () => {
  it('accepts what the passage or its translation says, reworded', () => {
    expect(checkClaim('Gomez says Cohere shifted its focus to synthetic data.', [synthetic], names).ok).toBe(true);
    expect(checkClaim('Gomez says they invested a lot of resources in synthetic data.', [synthetic], names).ok).toBe(true);
    expect(checkClaim('他说公司把重点转向了合成数据。', [synthetic], names).ok).toBe(true);
  });

  it('refuses claims the passage does not make (English and Chinese)', () => {
    expect(checkClaim('Gomez says OpenAI will go bankrupt soon.', [synthetic], names)).toMatchObject({ ok: false, problem: 'unsupported-words' });
    expect(checkClaim('Gomez表示OpenAI很快就会破产。', [synthetic], names)).toMatchObject({ ok: false, problem: 'unsupported-words' });
    // Half real, half invented is still invented.
    expect(checkClaim('Gomez says synthetic data is a scam run by OpenAI investors.', [synthetic], names).ok).toBe(false);
  });

  it('never lets through a link, handle, e-mail or figure that no cited passage contains', () => {
    expect(checkClaim('Gomez shifted focus to synthetic data; see https://evil.example/x.', [synthetic], names)).toMatchObject({
      ok: false,
      problem: 'unsupported-link',
      unsupported: ['https://evil.example/x.'],
    });
    expect(checkClaim('Gomez shifted focus to synthetic data, says evil.example.', [synthetic], names).problem).toBe('unsupported-link');
    expect(checkClaim('Gomez shifted focus to synthetic data (follow @evilbot).', [synthetic], names).problem).toBe('unsupported-link');
    expect(checkClaim('Write to gomez@evil.example about synthetic data.', [synthetic], names).problem).toBe('unsupported-link');
    expect(checkClaim('Gomez shifted 90% of his focus to synthetic data.', [synthetic], names)).toMatchObject({ ok: false, problem: 'unsupported-figure', unsupported: ['90'] });
    expect(checkClaim('Gomez认为合成数据将在2025年取代人类数据。', [synthetic], names).problem).toBe('unsupported-figure');
  });

  it('accepts a figure the cited passage contains, and refuses one it does not', () => {
    // "…they have only 13 billion parameters."
    const figures = passageWith('130', 'guest');
    expect(checkClaim('Gomez says newer models beat it with only 13 billion parameters.', [figures], names).ok).toBe(true);
    expect(checkClaim('Gomez says newer models beat it with only 7 billion parameters.', [figures], names)).toMatchObject({ ok: false, unsupported: ['7'] });
  });

  it('refuses a sentence that is nothing but framing', () => {
    expect(checkClaim('Gomez said that.', [synthetic], names)).toMatchObject({ ok: false, problem: 'no-content' });
  });
});
