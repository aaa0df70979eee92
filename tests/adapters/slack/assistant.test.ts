import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_BOT } from '../../fakes/slack/web-api.ts';
import { newTs } from '../../fakes/slack/requests.ts';
import { startHarness, type Harness } from './harness.ts';

describe("Slack's assistant view (Bolt Assistant, fake Slack)", () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('offers example questions from the corpus topics when an assistant thread starts', async () => {
    h = await startHarness();
    const threadTs = newTs();
    await h.slackRequests.event({
      type: 'assistant_thread_started',
      assistant_thread: { user_id: 'UALICE', context: {}, channel_id: 'DASSIST', thread_ts: threadTs },
      event_ts: threadTs,
    });
    await h.slack.idle();
    const call = h.fake.callsTo('assistant.threads.setSuggestedPrompts')[0]!;
    expect(call.args).toMatchObject({ channel_id: 'DASSIST', thread_ts: threadTs });
    const prompts = call.args.prompts as Array<{ title: string; message: string }>;
    expect(prompts.length).toBeGreaterThan(0);
    for (const p of prompts) expect(p.message).toMatch(/^What did Gomez say about .+\?$/);
  });

  it('answers in the thread with a status while searching and the question as the title; thanks gets a reaction', async () => {
    h = await startHarness();
    const threadTs = newTs();
    const ask = (text: string) =>
      h.slackRequests.message({ text, channel: 'DASSIST', channelType: 'im', threadTs, user: 'UALICE' });
    await ask('What did Gomez say about synthetic data?');
    await h.slack.idle();
    expect(h.fake.callsTo('assistant.threads.setStatus')[0]!.args).toMatchObject({ channel_id: 'DASSIST', thread_ts: threadTs });
    expect(h.fake.callsTo('assistant.threads.setTitle')[0]!.args).toMatchObject({ title: 'What did Gomez say about synthetic data?' });
    expect(h.fake.posts).toHaveLength(1);
    expect(h.fake.posts[0]!.args).toMatchObject({ channel: 'DASSIST', thread_ts: threadTs });
    expect(JSON.stringify(h.fake.posts[0]!.args.blocks)).toContain('Aidan Gomez');

    await ask('thanks!');
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);
    expect(h.fake.callsTo('reactions.add')[0]!.args).toMatchObject({ channel: 'DASSIST', name: 'pray' });
    expect(h.fake.everythingSent()).not.toContain(`<@${FAKE_BOT.userId}>`);
  });
});
