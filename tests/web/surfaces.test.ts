import { describe, expect, it } from 'vitest';
import { renderAnswer as renderConsole } from '../../src/adapters/cli/render.ts';
import { renderAnswerEmbed } from '../../src/adapters/discord/render.ts';
import { renderAnswer as renderSlack } from '../../src/adapters/slack/render.ts';
import type { Answer, Quote } from '../../src/answer/types.ts';

const LINK = 'https://bot.example.org/transcripts/20vc-aidan-gomez?q=3032-3087#q3032-3087';
const MEDIA = 'https://www.youtube.com/watch?v=FUGosOgiTeI';
const ARTICLE = '量子位 (QbitAI), 《Transformer作者预警:只卖模型玩不过OpenAI!》';

const quote = (link?: string): Quote => ({
  text: '数据质量至关重要。',
  translation: 'Data quality is crucial.',
  speaker: 'Aidan Gomez',
  source: { id: '20vc-aidan-gomez', title: '20VC: Aidan Gomez (Cohere) with Harry Stebbings', url: MEDIA, locator: 'turn 54', article: ARTICLE, ...(link ? { link } : {}) },
});
const answer = (q: Quote): Answer => ({ question: 'data quality?', answered: true, answer: 'Lead.', quotes: [q], mode: 'extractive' });

describe('every surface points at the viewer when a quote has a link, keeps the media and names the article', () => {
  it('Discord: the title opens the viewer, the media link stays, the article is named', () => {
    const { embed } = renderAnswerEmbed(answer(quote(LINK)));
    expect(embed.description).toContain(`[20VC: Aidan Gomez (Cohere) with Harry Stebbings, turn 54](${LINK})`);
    expect(embed.description).toContain(`[media](${MEDIA})`);
    expect(embed.description).toContain(`via ${ARTICLE}`);
    const plain = renderAnswerEmbed(answer(quote())).embed.description!;
    expect(plain).toContain(`(${MEDIA})`);
    expect(plain).not.toContain('[media]');
  });

  it('Slack: the same in Block Kit context', () => {
    const message = renderSlack(answer(quote(LINK)), { answerId: 'a1', moreAvailable: false, showQuestion: false });
    const context = JSON.stringify(message.blocks);
    expect(context).toContain(`<${LINK}|20VC: Aidan Gomez (Cohere) with Harry Stebbings, turn 54>`);
    expect(context).toContain(`<${MEDIA}|media>`);
    expect(context).toContain(`via ${ARTICLE}`);
  });

  it('console: the article, the viewer link and the media link', () => {
    const text = renderConsole(answer(quote(LINK)));
    expect(text).toContain(`Source article: ${ARTICLE}`);
    expect(text).toContain(`Check it: ${LINK}`);
    expect(text).toContain(MEDIA);
    expect(renderConsole(answer(quote()))).not.toContain('Check it:');
  });
});
