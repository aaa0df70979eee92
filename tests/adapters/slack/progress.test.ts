import { afterEach, describe, expect, it } from 'vitest';
import { newTs } from '../../fakes/slack/index.ts';
import { startHarness, type Harness } from './harness.ts';
import { testCore } from './test-core.ts';

describe('Slack progress while an answer takes time (e.g. a model composing it)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('posts a placeholder in the thread, then edits it in place into the answer', async () => {
    const core = await testCore();
    const ask = core.ask;
    core.ask = async (question, options) => {
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      return ask(question, options);
    };
    h = await startHarness({ core });
    const ts = newTs();
    await h.slackRequests.mention({ text: 'What did Gomez say about robotics?', ts });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);
    const placeholder = h.fake.posts[0]!;
    expect(placeholder.args.thread_ts).toBe(ts);
    expect(String(placeholder.args.text)).toMatch(/Looking through/);
    const updates = h.fake.callsTo('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args.ts).toBe(placeholder.result?.ts);
    expect(placeholder.result?.ts).toEqual(expect.any(String));
    expect(JSON.stringify(updates[0]!.args.blocks)).toContain('机器人');
  });

  it('posts a quick answer directly, with no placeholder', async () => {
    h = await startHarness();
    await h.slackRequests.mention({ text: 'What did Gomez say about robotics?', ts: newTs() });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);
    expect(String(h.fake.posts[0]!.args.text)).not.toMatch(/Looking through/);
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
  });

  it('removes the placeholder and tells only the asker when a slow answer fails', async () => {
    const core = await testCore();
    core.ask = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      throw new Error('boom');
    };
    h = await startHarness({ core });
    await h.slackRequests.mention({ text: 'What did Gomez say about robotics?', ts: newTs() });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
    expect(h.fake.callsTo('chat.delete')).toEqual([expect.objectContaining({ args: expect.objectContaining({ ts: h.fake.posts[0]!.result?.ts }) })]);
    const notices = h.fake.callsTo('chat.postEphemeral');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.args).toMatchObject({ user: 'UALICE' });
    expect(String(notices[0]!.args.text)).toMatch(/Sorry/);
    expect(h.fake.everythingSent()).not.toContain('boom');
  });
});
