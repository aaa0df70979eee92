import { describe, expect, it } from 'vitest';
import { chineseNounPhrases } from '../../src/summary/chinese-nlp.ts';
import { editorialClaims } from '../../src/summary/editorial.ts';
import { endsMidThought, isFragment, mergeContinuation, plainStatement, shapeTakeaway } from '../../src/summary/takeaway.ts';
import { isKeywordPair, themeTitle } from '../../src/summary/titles.ts';
import { seedCorpus } from './helpers.ts';

const ordinary = new Set(['productivity', 'then', 'one', 'and', 'using', 'nothing', 'the']);

describe('takeaway shaping', () => {
  it('merges a sentence that ends on a dangling "if" clause with its continuation', () => {
    const nhs = 'Productivity might not sound very exciting, but if you applied a 5% productivity gain to the NHS.';
    const next = 'It would have a major impact on the state of the country, on budgets and on the lives of millions of people.';
    expect(endsMidThought(nhs)).toBe(true);
    expect(endsMidThought('If you only sell models, it will be very hard.')).toBe(false);
    expect(mergeContinuation(nhs, next)).toBe(`${nhs.slice(0, -1)}, it would have${next.slice('It would have'.length, -1)}.`.replace(/\.\.$/, '.'));
    const line = shapeTakeaway([{ english: nhs, next }], 'Gomez', ordinary);
    expect(line).toMatch(/^Gomez says productivity might not sound very exciting, but if .* NHS, it would have a major impact/);
    expect(isFragment(line!, 'Gomez')).toBe(false);
  });

  it('recognises lines that cannot stand alone', () => {
    expect(isFragment('Fischer says then at the whole graph level, that becomes a program or an agent.', 'Fischer')).toBe(true);
    expect(isFragment('Fischer says at the whole graph level, that becomes a program or an agent.', 'Fischer')).toBe(true);
    expect(isFragment('Gomez says productivity might not sound very exciting, but if you applied a 5% productivity gain to the NHS.', 'Gomez')).toBe(true);
    expect(isFragment('Gomez says the next big breakthrough in AI will be in robotics.', 'Gomez')).toBe(false);
    expect(isFragment('Gomez says data quality is crucial…', 'Gomez')).toBe(true);
  });

  it('drops talk filler so the line states the point instead of copying the quote', () => {
    expect(plainStatement('And so one practical piece of advice there is to really focus on an evaluation set.')).toBe(
      'One practical piece of advice there is to focus on an evaluation set.',
    );
    const line = shapeTakeaway([{ english: 'And then at the whole graph level, that becomes a program or an agent.' }, { english: 'I think an agent is just a program written in natural language.' }], 'Fischer', ordinary);
    expect(line).toBe('Fischer says he thinks an agent is a program written in natural language.');
  });

  it('gives a bare point the sentence that argues it', () => {
    const line = shapeTakeaway([{ english: 'Of course, nothing can replace humans.', next: 'You cannot replace the human world with chatbots.' }], 'Gomez', ordinary);
    expect(line).toBe('Gomez says nothing can replace humans: you cannot replace the human world with chatbots.');
  });
});

describe('title shaping', () => {
  const weightOf = (stem: string) => (['model', 'use', 'languag'].includes(stem) ? 0 : 1);

  it('uses the editors\' heading when there is one', () => {
    expect(themeTitle({ heading: 'Data quality can\'t be ignored', english: ['Data quality is crucial.'], weightOf })).toBe("Data quality can't be ignored");
  });

  it('takes a short claim the guest makes in so many words', () => {
    expect(themeTitle({ english: ['Nothing can replace humans.', 'We will not all date chatbots.'], weightOf })).toBe('Nothing can replace humans');
  });

  it('otherwise names the theme by a noun phrase, never by keywords joined with "and"', () => {
    const title = themeTitle({
      english: [
        'Because what that does is it starts to build up this muscle in your brain around thinking about using these new types of tools to solve problems.',
        "It's like exercising; you need to start exercising that muscle early and often.",
        'The side of things that will stay relevant is building up that muscle to think about how to use AI to solve your own problems.',
      ],
      weightOf,
    });
    expect(title).toMatch(/muscle/i);
    expect(isKeywordPair(title!)).toBe(false);
    expect(title!.split(' ').length).toBeLessThanOrEqual(6);
  });

  it('flags keyword-pair titles', () => {
    for (const bad of ['Muscle and problem', 'Language model and use', 'Million dollars and round']) expect(isKeywordPair(bad)).toBe(true);
    for (const good of ['Selling only models is a losing game', 'Why robotics is next', 'Evaluation set for your use case']) expect(isKeywordPair(good)).toBe(false);
  });

  it('reads Chinese noun phrases from jieba\'s part-of-speech tags', () => {
    expect(chineseNounPhrases('数据质量不能忽视')).toEqual(['数据质量']);
    expect(chineseNounPhrases('AI的下一个大突破将出现在机器人领域')).toContain('机器人领域');
  });
});

describe('editorial claims of the seed article', () => {
  it('finds the headline, the lede bullets and the six headings, but not the lede\'s narration', async () => {
    const source = (await seedCorpus()).sources[0]!;
    const claims = editorialClaims(source);
    expect(claims.filter((c) => c.kind === 'headline').map((c) => c.text)).toEqual(['Transformer作者预警:只卖模型玩不过OpenAI!']);
    expect(claims.filter((c) => c.kind === 'lede').map((c) => c.text)).toEqual([
      '只卖模型真的不赚钱!',
      '模型性能提升,规模非唯一途径',
      '只卖模型无法和OpenAI抗衡',
      '数据质量对模型来说至关重要',
    ]);
    expect(claims.filter((c) => c.kind === 'heading')).toHaveLength(6);
  });
});
