import { describe, expect, it } from 'vitest';
import { fitText } from '../../../src/adapters/slack/fit.ts';
import { route } from '../../../src/adapters/slack/commands/index.ts';
import { escapeMrkdwn, mentionsOtherUser, mentionsUser, messageToPlainText } from '../../../src/adapters/slack/mrkdwn.ts';

describe('fitText', () => {
  it('returns text that fits unchanged', () => {
    expect(fitText('Short. Text.', 100)).toBe('Short. Text.');
  });
  it('cuts at the last sentence end that fits and marks the cut', () => {
    expect(fitText('One two. Three four. Five six seven.', 25)).toBe('One two. Three four.…');
  });
  it('falls back to a word boundary inside one long sentence', () => {
    const out = fitText('alpha beta gamma delta epsilon zeta eta theta', 20);
    expect(out).toBe('alpha beta gamma…');
  });
  it('never splits an entity', () => {
    const out = fitText('x'.repeat(8) + '&amp;&amp;', 12);
    expect(out).toBe('xxxxxxxx…');
  });
  it('handles closing quotes after a sentence end', () => {
    expect(fitText('He said “yes.” Then more words here.', 20)).toBe('He said “yes.”…');
  });
});

describe('mrkdwn in and out', () => {
  it('escapes &, <, > and defuses bare broadcasts', () => {
    expect(escapeMrkdwn('<!channel> & @here @Everyone')).toBe('&lt;!channel&gt; &amp; @\u2060here @\u2060Everyone');
  });
  it('turns Slack message text into the plain question', () => {
    const text = '<@UBOT> what about <#C1|general>, <!here>, <@U2|bob> and <https://x.test|this link> &amp; &lt;tags&gt;?';
    expect(messageToPlainText(text, 'UBOT')).toBe('what about #general, @here, @bob and this link & <tags>?');
  });
  it('detects mentions of the bot and of other people', () => {
    expect(mentionsUser('hi <@UBOT>', 'UBOT')).toBe(true);
    expect(mentionsUser('hi <@UBOTX>', 'UBOT')).toBe(false);
    expect(mentionsOtherUser('hi <@UBOT>', 'UBOT')).toBe(false);
    expect(mentionsOtherUser('hi <@UBOT> <@UANA>', 'UBOT')).toBe(true);
  });
});

describe('routing', () => {
  it('routes /gomez subcommands; other text is a question', () => {
    expect(route('quotes synthetic data')).toMatchObject({ command: { name: 'quotes' }, args: 'synthetic data' });
    expect(route('summary')).toMatchObject({ command: { name: 'summary' }, args: '' });
    expect(route('HELP')).toMatchObject({ command: { name: 'help' } });
    expect(route('')).toMatchObject({ command: { name: 'help' } });
    expect(route('help me understand his view on scale')).toMatchObject({ command: { name: 'ask' }, args: 'help me understand his view on scale' });
    expect(route('What did he say about data?')).toMatchObject({ command: { name: 'ask' }, args: 'What did he say about data?' });
  });

});
