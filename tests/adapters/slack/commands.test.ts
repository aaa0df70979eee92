import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Summary } from '../../../src/answer/types.ts';
import { escapeMrkdwn } from '../../../src/adapters/slack/mrkdwn.ts';
import { GomezError, userMessageFor } from '../../../src/errors.ts';
import { startHarness, type Harness } from './harness.ts';
import { quotedLines, decodeMrkdwn } from './blocks.ts';

const SOURCE_TEXT = readFileSync('corpus/000_f1adc335df00c9b8.txt', 'utf8');

describe('/gomez slash command (real Bolt app, fake Slack)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('acknowledges at once with a private progress note and posts the answer to the channel for everyone', async () => {
    const started = Date.now();
    const res = await h.slackRequests.command('What did he say about synthetic data?');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/Looking through/) });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);
    const post = h.fake.posts[0]!;
    expect(post.args.channel).toBe('CGENERAL');
    expect(post.args.thread_ts).toBeUndefined();
    const quotes = quotedLines(post.args.blocks);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(SOURCE_TEXT).toContain(decodeMrkdwn(q));
    expect(JSON.stringify(post.args.blocks)).toContain('What did he say about synthetic data?');
    expect(h.fake.responses).toHaveLength(0);
  });

  it('takes follow-ups in the thread under a /gomez answer', async () => {
    await h.slackRequests.command('What did he say about data quality?');
    await h.slack.idle();
    const threadTs = String(h.fake.posts[0]!.result?.ts);
    await h.slackRequests.message({ text: 'and why?', threadTs, user: 'UBOB' });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(2);
    expect(h.fake.posts[1]!.args.thread_ts).toBe(threadTs);
  });

  it('/gomez quotes <topic> posts quotes to the channel', async () => {
    await h.slackRequests.command('quotes scale');
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);
    expect(quotedLines(h.fake.posts[0]!.args.blocks).length).toBeGreaterThan(0);
  });

  it('/gomez help answers privately (ephemeral through response_url) and posts nothing', async () => {
    const { responseUrl } = await h.slackRequests.command('help');
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(0);
    expect(h.fake.responses).toHaveLength(1);
    const reply = h.fake.responses[0]!;
    expect(responseUrl.endsWith(`/response/${reply.id}`)).toBe(true);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(String(reply.body.text)).toContain('/gomez quotes');
    expect(String(reply.body.text)).toContain('/gomez summary');
  });

  it('an empty /gomez shows the help', async () => {
    await h.slackRequests.command('');
    await h.slack.idle();
    expect(h.fake.responses[0]!.body.response_type).toBe('ephemeral');
    expect(String(h.fake.responses[0]!.body.text)).toContain('/gomez help');
  });

  it('/gomez summary shows the core’s user message privately while summaries are unavailable', async () => {
    h.core.summarize = async () => {
      throw new GomezError('not yet', 'Summaries are coming soon.');
    };
    await h.slackRequests.command('summary');
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(0);
    expect(h.fake.responses[0]!.body.response_type).toBe('ephemeral');
    expect(h.fake.responses[0]!.body.text).toBe('Summaries are coming soon.');
  });

  it('/gomez summary [topic] posts the themes with their quotes to the channel', async () => {
    let askedTopic: unknown;
    const quote = (await h.core.ask('data quality', { limit: 1 })).quotes[0]!;
    h.core.summarize = async (options) => {
      askedTopic = options?.topic;
      const summary: Summary = {
        topic: options?.topic ?? null,
        answered: true,
        mode: 'extractive',
        themes: [{ title: 'Data matters', takeaway: 'Quality data beats more data.', quotes: [quote] }],
      };
      return summary;
    };
    await h.slackRequests.command('summary data quality');
    await h.slack.idle();
    expect(askedTopic).toBe('data quality');
    expect(h.fake.posts).toHaveLength(1);
    const blocks = JSON.stringify(h.fake.posts[0]!.args.blocks);
    expect(blocks).toContain('Data matters');
    expect(quotedLines(h.fake.posts[0]!.args.blocks)).toEqual([quote.text]);
  });

  it('/gomez summary with the real core: posts what the core summarises, or its user message privately', async () => {
    const expected = await h.core.summarize({ topic: null }).then(
      (summary) => ({ posted: true as const, summary }),
      (error: unknown) => ({ posted: false as const, message: userMessageFor(error) }),
    );
    await h.slackRequests.command('summary');
    await h.slack.idle();
    if (expected.posted) {
      expect(h.fake.posts).toHaveLength(1);
      const lines = quotedLines(h.fake.posts[0]!.args.blocks);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(SOURCE_TEXT).toContain(decodeMrkdwn(line));
      expect(JSON.stringify(h.fake.posts[0]!.args.blocks)).toContain(escapeMrkdwn(expected.summary.themes[0]!.title));
    } else {
      expect(h.fake.posts).toHaveLength(0);
      expect(h.fake.responses[0]!.body).toMatchObject({ response_type: 'ephemeral', text: escapeMrkdwn(expected.message) });
    }
  });

  it('falls back to response_url (in_channel) when the bot is not in the channel', async () => {
    h.fake.fail('chat.postMessage', 'not_in_channel', { times: 1 });
    await h.slackRequests.command('What did he say about scale?', { channel: 'CPRIVATE' });
    await h.slack.idle();
    expect(h.fake.responses).toHaveLength(1);
    expect(h.fake.responses[0]!.body.response_type).toBe('in_channel');
    expect(quotedLines(h.fake.responses[0]!.body.blocks).length).toBeGreaterThan(0);
  });
});
