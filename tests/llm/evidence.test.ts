import { describe, expect, it } from 'vitest';
import { gatherEvidence } from '../../src/answer/llm/evidence.ts';
import { ModelBudget } from '../../src/llm/budget.ts';
import type { Passage } from '../../src/corpus/types.ts';
import { passageWith, repoCorpus } from './helpers.ts';

const corpus = repoCorpus();
const isGuest = (p: Passage) => p.role === 'guest' && p.speaker === 'Aidan Gomez';
const guests = corpus.passages.filter(isGuest);
const synthetic = passageWith('我们将重点转向合成数据', 'guest');

describe('gatherEvidence', () => {
  it('searches the question and its Chinese rendering, and merges both rankings', async () => {
    const searched: string[] = [];
    const translatedTo: string[] = [];
    const passages = await gatherEvidence(
      {
        corpus,
        lexical: async (q) => {
          searched.push(q);
          return q.includes('合成数据') ? [synthetic] : [guests[0]!];
        },
        dense: null,
        translate: async (_q, language) => {
          translatedTo.push(language);
          return 'Gomez怎么看合成数据?';
        },
        isPersonPassage: isGuest,
      },
      'What did Gomez say about synthetic data?',
      new ModelBudget(1000),
      [],
    );
    expect(translatedTo).toEqual(['zh']);
    expect(searched).toEqual(['What did Gomez say about synthetic data?', 'Gomez怎么看合成数据?']);
    expect(passages.map((p) => p.id)).toEqual(expect.arrayContaining([synthetic.id, guests[0]!.id]));
  });

  it('does not translate a question already in the corpus language', async () => {
    let translated = false;
    await gatherEvidence(
      {
        corpus,
        lexical: async () => [synthetic],
        dense: null,
        translate: async () => {
          translated = true;
          return null;
        },
        isPersonPassage: isGuest,
      },
      'Gomez怎么看合成数据?',
      new ModelBudget(1000),
      [],
    );
    expect(translated).toBe(false);
  });

  it('puts the host question before the answer it belongs to, and keeps at most six turns by the person', async () => {
    const passages = await gatherEvidence(
      { corpus, lexical: async () => guests.slice(0, 10), dense: null, translate: null, isPersonPassage: isGuest },
      'anything',
      new ModelBudget(1000),
      [synthetic],
    );
    expect(passages.filter(isGuest)).toHaveLength(6);
    expect(passages.filter(isGuest)[0]?.id).toBe(synthetic.id);
    for (const [i, p] of passages.entries()) {
      if (p.role === 'host') expect(passages[i + 1] && isGuest(passages[i + 1]!)).toBe(true);
    }
    const hostBefore = passages[passages.indexOf(synthetic) - 1];
    expect(hostBefore?.role).toBe('host');
  });
});
