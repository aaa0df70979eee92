import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../src/adapters/slack/action-ids.ts';
import { newTs } from '../../fakes/slack/index.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttons, quotedLines } from './blocks.ts';

describe('Slack answer buttons: More quotes and 👍/👎 (real Bolt app, fake Slack)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  /** Mentions the bot; returns its reply, the reply's ts, the answer id and the thread root (the mention). */
  async function askInChannel(question: string) {
    const threadTs = newTs();
    await h.slackRequests.mention({ text: question, ts: threadTs });
    await h.slack.idle();
    const post = h.fake.posts.at(-1)!;
    return { post, ts: String(post.result?.ts), answerId: buttons(post.args.blocks).get(ACTION_IDS.feedbackUp)!, threadTs };
  }

  it('"More quotes" updates the message in place with the next page of the same ranking', async () => {
    const { post, ts } = await askInChannel('What did he say about data and scale and models?');
    const firstQuotes = quotedLines(post.args.blocks);
    expect(firstQuotes).toHaveLength(3);
    const moreId = buttons(post.args.blocks).get(ACTION_IDS.moreQuotes);
    expect(moreId).toBeDefined();

    const res = await h.slackRequests.click({ actionId: ACTION_IDS.moreQuotes, value: moreId!, messageTs: ts });
    expect(res.status).toBe(200);
    await h.slack.idle();
    const updates = h.fake.callsTo('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args.ts).toBe(ts);
    expect(updates[0]!.args.channel).toBe('CGENERAL');
    const shown = quotedLines(updates[0]!.args.blocks);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(3);
    for (const quote of shown) expect(firstQuotes).not.toContain(quote);
    expect(new Set(shown).size).toBe(shown.length);
    expect(h.fake.posts).toHaveLength(1);
    expect((await h.store.answers.get(moreId!))?.shown).toBe(3 + shown.length);
  });

  it('offers no "More quotes" when every quote is already shown, and says so when an old button is clicked', async () => {
    const { post } = await askInChannel('zzqx qqzz');
    expect(buttons(post.args.blocks).has(ACTION_IDS.moreQuotes)).toBe(false);
    await h.slackRequests.click({ actionId: ACTION_IDS.moreQuotes, value: 'no-such-answer', messageTs: '1.2' });
    await h.slack.idle();
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    expect(h.fake.responses.at(-1)!.body.response_type).toBe('ephemeral');
  });

  it('records feedback once per user per answer; clicking again keeps one vote, switching changes it', async () => {
    const { ts, answerId } = await askInChannel('What did he say about data quality?');
    const click = (actionId: string, user: string) => h.slackRequests.click({ actionId, value: answerId, messageTs: ts, user });
    await click(ACTION_IDS.feedbackUp, 'UALICE');
    await click(ACTION_IDS.feedbackUp, 'UALICE');
    await h.slack.idle();
    expect(await h.store.feedback.tally(answerId)).toEqual({ up: 1, down: 0 });

    await click(ACTION_IDS.feedbackDown, 'UALICE');
    await click(ACTION_IDS.feedbackUp, 'UBOB');
    await h.slack.idle();
    expect(await h.store.feedback.tally(answerId)).toEqual({ up: 1, down: 1 });

    const thanks = h.fake.responses.filter((r) => r.body.response_type === 'ephemeral');
    expect(thanks).toHaveLength(4);
    expect(thanks.every((r) => r.body.replace_original === false)).toBe(true);
    expect(h.fake.posts).toHaveLength(1);
  });

  it('buttons keep working after a restart (answers are in the store)', async () => {
    const { ts, answerId } = await askInChannel('What did he say about data and scale and models?');
    await h.restart();
    await h.slackRequests.click({ actionId: ACTION_IDS.moreQuotes, value: answerId, messageTs: ts });
    await h.slackRequests.click({ actionId: ACTION_IDS.feedbackDown, value: answerId, messageTs: ts });
    await h.slack.idle();
    expect(h.fake.callsTo('chat.update')).toHaveLength(1);
    expect(await h.store.feedback.tally(answerId)).toEqual({ up: 0, down: 1 });
  });

  it('replaces the message through response_url when chat.update is refused', async () => {
    const { ts, answerId } = await askInChannel('What did he say about data and scale and models?');
    h.fake.fail('chat.update', 'cant_update_message');
    await h.slackRequests.click({ actionId: ACTION_IDS.moreQuotes, value: answerId, messageTs: ts });
    await h.slack.idle();
    const replaced = h.fake.responses.find((r) => r.body.replace_original === true);
    expect(replaced).toBeDefined();
    expect(quotedLines(replaced!.body.blocks).length).toBeGreaterThan(0);
  });

  it('"More quotes" on a follow-up replays the asker\'s thread context before it', async () => {
    const { threadTs } = await askInChannel('What did he say about data quality?');
    await h.slackRequests.message({ text: 'and why?', threadTs, user: 'UALICE' });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(2);
    const followUp = h.fake.posts.at(-1)!;
    const answerId = buttons(followUp.args.blocks).get(ACTION_IDS.feedbackUp)!;
    const seen: unknown[] = [];
    const ask = h.core.ask.bind(h.core);
    h.core.ask = async (question, options) => {
      seen.push({ question, history: options?.history });
      return ask(question, options);
    };
    await h.slackRequests.click({ actionId: ACTION_IDS.moreQuotes, value: answerId, messageTs: String(followUp.result?.ts) });
    await h.slack.idle();
    expect(seen).toEqual([{ question: 'and why?', history: [expect.objectContaining({ question: 'What did he say about data quality?' })] }]);
  });
});
