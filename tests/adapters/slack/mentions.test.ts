import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { newTs } from '../../fakes/slack/index.ts';
import { startHarness, type Harness } from './harness.ts';
import { decodeMrkdwn, quotedLines } from './blocks.ts';

const SOURCE_TEXT = readFileSync('corpus/000_f1adc335df00c9b8.txt', 'utf8');

describe('Slack mentions, DMs and thread follow-ups (real Bolt app, fake Slack)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers an app_mention in its thread with verbatim Aidan Gomez quotes', async () => {
    const ts = newTs();
    const res = await h.slackRequests.mention({ text: 'What did Gomez say about synthetic data?', ts });
    expect(res.status).toBe(200);
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);
    const post = h.fake.posts[0]!;
    expect(post.args.channel).toBe('CGENERAL');
    expect(post.args.thread_ts).toBe(ts);
    expect(post.args.link_names).toBeUndefined();
    const quotes = quotedLines(post.args.blocks);
    expect(quotes.length).toBeGreaterThan(0);
    const gomezPassages = h.core.corpus.passages.filter((p) => p.role === 'guest' && p.speaker === 'Aidan Gomez');
    for (const quote of quotes) {
      expect(SOURCE_TEXT).toContain(decodeMrkdwn(quote));
      // Verbatim and his: inside one of Aidan Gomez's own passages, never the host's or the editors'.
      expect(gomezPassages.some((p) => p.text.includes(decodeMrkdwn(quote)))).toBe(true);
    }
    expect(JSON.stringify(post.args.blocks)).toContain('Aidan Gomez');
    expect(typeof post.args.text).toBe('string');
  });

  it('replies inside the existing thread when mentioned in one', async () => {
    const threadTs = newTs();
    await h.slackRequests.mention({ text: 'what about data quality?', threadTs });
    await h.slack.idle();
    expect(h.fake.posts[0]!.args.thread_ts).toBe(threadTs);
  });

  it('answers a follow-up without a mention in a thread it answered in, with the earlier turn as context', async () => {
    const ts = newTs();
    await h.slackRequests.mention({ text: 'What did he say about data quality?', ts });
    await h.slack.idle();
    let seenHistory: unknown;
    const ask = h.core.ask.bind(h.core);
    h.core.ask = async (question, options) => {
      seenHistory = options?.history;
      return ask(question, options);
    };
    await h.slackRequests.message({ text: 'and why?', threadTs: ts, user: 'UALICE' });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(2);
    expect(h.fake.posts[1]!.args.thread_ts).toBe(ts);
    expect(seenHistory).toEqual([expect.objectContaining({ question: 'What did he say about data quality?' })]);
  });

  it('ignores thread messages where it has not answered, top-level chatter, edits, joins and bots', async () => {
    await h.slackRequests.message({ text: 'random thread talk about data', threadTs: newTs() });
    await h.slackRequests.message({ text: 'top-level talk about data' });
    const ts = newTs();
    await h.slackRequests.mention({ text: 'data quality?', ts });
    await h.slack.idle();
    await h.slackRequests.message({ text: 'edited data question', threadTs: ts, subtype: 'message_changed' });
    await h.slackRequests.message({ text: 'joined', threadTs: ts, subtype: 'channel_join' });
    await h.slackRequests.message({ text: 'a bot on data', threadTs: ts, botId: 'BOTHER', user: 'UOTHERBOT' });
    await h.slackRequests.message({ text: '<@UCAROL> what do you think about the data?', threadTs: ts, user: 'UBOB' });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);
  });

  it('answers a mention once even though Slack also delivers it as a message event', async () => {
    const threadTs = newTs();
    await h.slackRequests.mention({ text: 'data quality?', ts: threadTs });
    await h.slack.idle();
    const ts = newTs();
    const text = '<@UBOTVERBATIM> and what about scale?';
    await h.slackRequests.message({ text, ts, threadTs });
    await h.slackRequests.event({ type: 'app_mention', user: 'UALICE', text, ts, thread_ts: threadTs, channel: 'CGENERAL' });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(2);
  });

  it('answers a DM', async () => {
    await h.slackRequests.message({ text: 'What did he say about synthetic data?', channel: 'DALICE', channelType: 'im' });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);
    expect(h.fake.posts[0]!.args.channel).toBe('DALICE');
    expect(quotedLines(h.fake.posts[0]!.args.blocks).length).toBeGreaterThan(0);
  });

  it('treats later DMs as follow-ups of the earlier ones', async () => {
    await h.slackRequests.message({ text: 'What did he say about data quality?', channel: 'DALICE', channelType: 'im' });
    await h.slack.idle();
    let seenHistory: unknown;
    const ask = h.core.ask.bind(h.core);
    h.core.ask = async (question, options) => {
      seenHistory = options?.history;
      return ask(question, options);
    };
    await h.slackRequests.message({ text: 'and why?', channel: 'DALICE', channelType: 'im' });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(2);
    expect(seenHistory).toEqual([expect.objectContaining({ question: 'What did he say about data quality?' })]);
  });

  it('posts a summary in the thread for "@bot summarize [topic]"', async () => {
    let askedTopic: unknown = 'not called';
    const quote = (await h.core.ask('data quality', { limit: 1 })).quotes[0]!;
    h.core.summarize = async (options) => {
      askedTopic = options?.topic;
      return { topic: options?.topic ?? null, answered: true, mode: 'extractive', themes: [{ title: 'Data first', takeaway: 'Data beats scale.', quotes: [quote] }] };
    };
    const ts = newTs();
    await h.slackRequests.mention({ text: 'summarize data quality', ts });
    await h.slack.idle();
    expect(askedTopic).toBe('data quality');
    expect(h.fake.posts).toHaveLength(1);
    expect(h.fake.posts[0]!.args.thread_ts).toBe(ts);
    expect(quotedLines(h.fake.posts[0]!.args.blocks)).toEqual([quote.text]);
  });
});
