import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../src/adapters/slack/action-ids.ts';
import { LIMITS, renderAnswer, renderHelp, renderNotice, renderSummary } from '../../../src/adapters/slack/render.ts';
import type { Answer, Quote, Summary } from '../../../src/answer/types.ts';
import { buttons, quotedLines } from './blocks.ts';

const quote = (text: string, translation?: string): Quote => ({
  text,
  translation,
  speaker: 'Aidan Gomez',
  source: { id: 's', title: 'Interview', url: 'https://example.test/v?x=1', locator: 'turn 3' },
});

const answer = (over: Partial<Answer> = {}): Answer => ({
  question: 'What about data?',
  answered: true,
  answer: 'He said data quality matters more than volume.',
  quotes: [quote('数据质量至关重要。', 'Data quality is crucial.')],
  mode: 'extractive',
  ...over,
});

/** Every mrkdwn/plain text string in the blocks. */
function texts(blocks: unknown[]): string[] {
  const out: string[] = [];
  JSON.stringify(blocks, (key, value) => {
    if (key === 'text' && typeof value === 'string') out.push(value);
    return value;
  });
  return out;
}

describe('renderAnswer', () => {
  it('renders the answer, each quote as a quote with translation, speaker and source link, buttons and a fallback', () => {
    const msg = renderAnswer(answer(), { answerId: 'a1', moreAvailable: true, showQuestion: true });
    expect(msg.blocks[0]).toMatchObject({ type: 'context' });
    expect(msg.blocks[1]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: 'He said data quality matters more than volume.' } });
    expect(quotedLines(msg.blocks)).toEqual(['数据质量至关重要。']);
    const attribution = JSON.stringify(msg.blocks[3]);
    expect(attribution).toContain('_Translation:_ Data quality is crucial.');
    expect(attribution).toContain('*Aidan Gomez*');
    expect(attribution).toContain('<https://example.test/v?x=1|Interview, turn 3>');
    expect([...buttons(msg.blocks).keys()]).toEqual([ACTION_IDS.moreQuotes, ACTION_IDS.feedbackUp, ACTION_IDS.feedbackDown]);
    expect([...buttons(msg.blocks).values()]).toEqual(['a1', 'a1', 'a1']);
    expect(msg.text).toContain('He said data quality matters');
    expect(msg.text).toContain('数据质量至关重要。');
  });

  it('shows suggestions on a refusal and no More quotes button unless more are available', () => {
    const msg = renderAnswer(answer({ answered: false, answer: 'Not covered.', quotes: [], suggestions: ['scale', 'data'] }), { answerId: 'a2' });
    expect(JSON.stringify(msg.blocks)).toContain('scale · data');
    expect(buttons(msg.blocks).has(ACTION_IDS.moreQuotes)).toBe(false);
    const named = renderAnswer(answer({ answered: false, answer: 'Not covered; it does cover scale.', quotes: [], suggestions: ['scale'] }));
    expect(JSON.stringify(named.blocks)).not.toContain('Topics I can speak to');
  });

  it('keeps every section within 3,000 characters, cut at a sentence boundary', () => {
    const sentence = 'Data quality is what matters most for these models. ';
    const long = sentence.repeat(100);
    const msg = renderAnswer(answer({ answer: long, quotes: [quote(long, long)] }));
    for (const t of texts(msg.blocks)) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    const answerText = (msg.blocks[0] as { text: { text: string } }).text.text;
    expect(answerText.endsWith('models.…')).toBe(true);
    expect(msg.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('cuts Chinese text at 。 boundaries', () => {
    const long = '我们认为数据的质量非常重要。'.repeat(400);
    const msg = renderAnswer(answer({ answer: long }));
    const t = (msg.blocks[0] as { text: { text: string } }).text.text;
    expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(t.endsWith('。…')).toBe(true);
  });

  it('never exceeds 50 blocks: whole quotes are dropped (never a quote without its attribution) and More quotes is withdrawn', () => {
    const many = Array.from({ length: 40 }, (_, i) => quote(`Quote number ${i}.`, `Translation ${i}.`));
    const msg = renderAnswer(answer({ quotes: many }), { answerId: 'a3', moreAvailable: true, showQuestion: true });
    expect(msg.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    const sections = msg.blocks.filter((b) => b.type === 'section' && quotedLines([b]).length > 0);
    for (const s of sections) {
      const next = msg.blocks[msg.blocks.indexOf(s) + 1];
      expect(next?.type).toBe('context');
    }
    expect(buttons(msg.blocks).has(ACTION_IDS.moreQuotes)).toBe(false);
    expect(buttons(msg.blocks).has(ACTION_IDS.feedbackUp)).toBe(true);
  });

  it('neutralises broadcasts and mentions in every text it echoes', () => {
    const evil = 'hi <!channel> <!here> <!everyone> <!subteam^S1|@devs> <@U123> @here & <https://x.test|x>';
    const msg = renderAnswer(answer({ question: evil, answer: evil, quotes: [quote(evil, evil)] }), { showQuestion: true });
    const all = JSON.stringify(msg);
    expect(all).not.toMatch(/<!|<@|<https:\/\/x/);
    expect(all).not.toMatch(/(?<!\u2060)@here/);
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&amp;');
  });

  it('does not let a source URL or title break out of the link syntax', () => {
    const q = { ...quote('text'), source: { id: 's', title: 'A|B <!channel>', url: 'https://e.test/a>b|c', locator: '' } };
    const all = JSON.stringify(renderAnswer(answer({ quotes: [q] })).blocks);
    expect(all).toContain('<https://e.test/a%3Eb%7Cc|A¦B &lt;!channel&gt;>');
  });
});

describe('renderSummary, renderHelp, renderNotice', () => {
  it('renders themes with takeaways and quotes within the limits', () => {
    const themes = Array.from({ length: 30 }, (_, i) => ({ title: `Theme ${i}`, takeaway: `Takeaway ${i}.`, quotes: [quote(`Q${i}a.`), quote(`Q${i}b.`)] }));
    const summary: Summary = { topic: 'data', answered: true, mode: 'extractive', themes };
    const msg = renderSummary(summary, 'Aidan Gomez');
    expect(msg.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(JSON.stringify(msg.blocks)).toContain('What Aidan Gomez said about data');
    expect(quotedLines(msg.blocks).slice(0, 2)).toEqual(['Q0a.', 'Q0b.']);
  });

  it('renders a refused summary with its note and no themes', () => {
    const msg = renderSummary({ topic: 'cooking', answered: false, themes: [], mode: 'extractive', note: 'Not covered; try data.' }, 'Aidan Gomez');
    expect(msg.text).toContain('Not covered; try data.');
  });

  it('help lists the given commands; notices are escaped', () => {
    const help = renderHelp('Verbatim', 'Aidan Gomez', [{ usage: '/gomez quotes <topic>', description: 'quotes' }]);
    expect(help.text).toContain('/gomez quotes &lt;topic&gt;');
    expect(renderNotice('<!here> oops').text).toBe('&lt;!here&gt; oops');
  });
});
