import { describe, expect, it } from 'vitest';
import { embedLength, renderAnswerEmbed, renderQuote, renderSummaryEmbed } from '../../../src/adapters/discord/render.ts';
import type { Answer, Quote, Summary } from '../../../src/answer/types.ts';
import { quotedTexts } from './calls.ts';

const source = { id: 's1', title: '20VC: Aidan Gomez (Cohere) with Harry Stebbings', url: 'https://example.org/watch?v=1', locator: 'turn 3' };
const quote = (text: string, translation?: string): Quote => ({ text, ...(translation ? { translation } : {}), speaker: 'Aidan Gomez', source });
const SENTENCE = 'Scale is not the only way to make models better. ';
const ATTRIBUTION = /^— \*\*Aidan Gomez\*\* · \[20VC: .+, turn 3\]\(https:\/\/example\.org\/watch\?v=1\)$/gm;

function answer(partial: Partial<Answer>): Answer {
  return { question: 'What about scale?', answered: true, answer: 'Short lead.', quotes: [], mode: 'extractive', ...partial };
}

describe('renderAnswerEmbed', () => {
  it('shows quotes as block quotes with a labelled translation, speaker, source link and a footer naming the source', () => {
    const { embed, quotesShown } = renderAnswerEmbed(answer({ quotes: [quote('数据质量至关重要。', 'Data quality is crucial.')] }));
    expect(quotesShown).toBe(1);
    expect(embed.description).toBe(
      'Short lead.\n\n> 数据质量至关重要。\n> *Translation:* Data quality is crucial.\n— **Aidan Gomez** · [20VC: Aidan Gomez (Cohere) with Harry Stebbings, turn 3](https://example.org/watch?v=1)',
    );
    expect(embed.footer?.text).toBe('Source: 20VC: Aidan Gomez (Cohere) with Harry Stebbings · quote 1');
  });

  it('stays within 4,096 / 6,000 however much there is, dropping whole quotes, never an attribution', () => {
    const quotes = Array.from({ length: 30 }, (_, i) => quote(`第${i}句话很长。`.repeat(60), SENTENCE.repeat(25)));
    const { embed, quotesShown } = renderAnswerEmbed(answer({ answer: SENTENCE.repeat(200), quotes, question: 'q'.repeat(400) }));
    expect(embed.title!.length).toBeLessThanOrEqual(256);
    expect(embed.description!.length).toBeLessThanOrEqual(4_096);
    expect(embedLength(embed)).toBeLessThanOrEqual(6_000);
    expect(quotesShown).toBeGreaterThan(0);
    expect(quotesShown).toBeLessThan(30);
    expect(embed.description!.match(ATTRIBUTION)).toHaveLength(quotesShown);
    quotedTexts(embed.description!).forEach((text, i) => expect(quotes[i]!.text.startsWith(text)).toBe(true));
  });

  it('escapes markdown in quotes while keeping them verbatim to the reader', () => {
    const text = 'Models *learn* from the_data > everything.';
    const { embed } = renderAnswerEmbed(answer({ quotes: [quote(text)] }));
    expect(embed.description).toContain('\\*learn\\*');
    expect(quotedTexts(embed.description!)).toEqual([text]);
  });

  it('numbers later pages in the footer', () => {
    const { embed } = renderAnswerEmbed(answer({ quotes: [quote('A.'), quote('B.')] }), { firstQuoteNumber: 4 });
    expect(embed.footer?.text).toMatch(/quotes 4–5$/);
  });

  it('names nearby topics on a refusal and falls back to the corpus source in the footer', () => {
    const { embed, quotesShown } = renderAnswerEmbed(
      answer({ answered: false, answer: "The interviews don't cover football.", suggestions: ['data quality', 'scaling'] }),
      { corpusSources: ['20VC interview'] },
    );
    expect(quotesShown).toBe(0);
    expect(embed.description).toContain('**Topics I can speak to:** data quality · scaling');
    expect(embed.footer?.text).toBe('Source: 20VC interview');
    const named = renderAnswerEmbed(answer({ answered: false, answer: 'Not covered; it does cover “scaling”.', suggestions: ['scaling'] }));
    expect(named.embed.description).toBe('Not covered; it does cover “scaling”.');
  });

  it('a single quote too long for its room is cut to whole leading sentences', () => {
    const long = quote('第一句。'.repeat(1_000));
    const block = renderQuote(long, 600)!;
    expect(block.length).toBeLessThanOrEqual(600);
    expect(block).toMatch(ATTRIBUTION);
    expect(quotedTexts(block)[0]).toMatch(/^(第一句。)+$/);
  });
});

describe('renderSummaryEmbed', () => {
  it('keeps at most 25 fields of at most 1,024 characters and 6,000 in all', () => {
    const summary: Summary = {
      topic: null,
      answered: true,
      mode: 'extractive',
      themes: Array.from({ length: 30 }, (_, i) => ({
        title: `Theme ${i} ${'x'.repeat(300)}`,
        takeaway: SENTENCE.repeat(10),
        quotes: [quote('数据质量至关重要。'.repeat(20), SENTENCE.repeat(10)), quote('规模不是唯一途径。', 'Scale is not the only way.')],
      })),
    };
    const embed = renderSummaryEmbed(summary, { guestName: 'Aidan Gomez' });
    expect(embed.fields!.length).toBeLessThanOrEqual(25);
    for (const field of embed.fields!) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeLessThanOrEqual(1_024);
    }
    expect(embedLength(embed)).toBeLessThanOrEqual(6_000);
  });

  it('refuses a topic the corpus does not cover, with no fields', () => {
    const embed = renderSummaryEmbed({ topic: 'football', answered: false, themes: [], mode: 'extractive' }, { guestName: 'Aidan Gomez' });
    expect(embed.title).toBe('What Aidan Gomez said about football');
    expect(embed.description).toContain('football');
    expect(embed.fields).toBeUndefined();
  });
});
