import { readFileSync } from 'node:fs';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackDigestRunner } from '../../src/adapters/slack/digest-poster.ts';
import type { DigestRunner } from '../../src/digest/runner.ts';
import { decodeMrkdwn, quotedLines } from '../adapters/slack/blocks.ts';
import { BOT_TOKEN, startHarness, type Harness } from '../adapters/slack/harness.ts';
import { FakeClock } from './helpers.ts';

const SOURCE_TEXT = readFileSync('corpus/000_f1adc335df00c9b8.txt', 'utf8');
const UNCOVERED = 'What did Gomez say about the best pizza in Naples?';

describe('Slack channel recap (real Bolt app and the real core, local fake Slack)', () => {
  let h: Harness;
  let runner: DigestRunner;
  const clock = new FakeClock(new Date());

  beforeAll(async () => {
    h = await startHarness();
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: h.fake.apiUrl, retryConfig: { retries: 0 } });
    runner = createSlackDigestRunner({ client, core: h.core, store: h.store, clock: clock.now });
    // What the channel asked: one question twice in other words, one the interviews do not cover;
    // another channel's question must stay out of this channel's recap.
    for (const [text, channel] of [
      ['What did Gomez say about synthetic data?', 'CRECAP'],
      ['what did gomez say about synthetic data', 'CRECAP'],
      [UNCOVERED, 'CRECAP'],
      ['What did Gomez say about robotics?', 'COTHER'],
    ] as const) {
      await h.slackRequests.command(text, { user: 'UALICE', channel });
      await h.slack.idle();
    }
  });
  afterAll(async () => {
    await runner?.stop();
    await h?.close();
  });

  const postsTo = (channel: string) => h.fake.posts.filter((p) => p.args.channel === channel);

  it('/gomez recap posts the top questions with their best quotes and names what was refused', async () => {
    const before = postsTo('CRECAP').length;
    await h.slackRequests.command('recap', { user: 'UBOB', channel: 'CRECAP' });
    await h.slack.idle();
    const posts = postsTo('CRECAP').slice(before);
    expect(posts).toHaveLength(1);
    const text = decodeMrkdwn(JSON.stringify(posts[0]!.args.blocks));
    expect(text).toContain('Channel recap for the last 7 days: 3 questions (2 different).');
    expect(text).toContain('Asked 2 times');
    expect(text).toMatch(/Not covered by the interviews \(refused\): .*best pizza in Naples/);
    expect(text).not.toContain('robotics?');
    const quotes = quotedLines(posts[0]!.args.blocks);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(SOURCE_TEXT).toContain(decodeMrkdwn(q));
  });

  it('"@bot recap" answers in the thread with the same recap', async () => {
    const sentBefore = h.fake.everythingSent().length;
    await h.slackRequests.mention({ text: 'recap', user: 'UBOB', channel: 'CRECAP' });
    await h.slack.idle();
    const sent = decodeMrkdwn(h.fake.everythingSent().slice(sentBefore));
    expect(sent).toContain('Channel recap for the last 7 days');
    expect(sent).toContain('Asked 2 times');
  });

  it('"recap" after "digest subscribe" schedules the recap; it is posted at the due time', async () => {
    const before = h.fake.responses.length;
    await h.slackRequests.command('digest subscribe daily 09:00 UTC recap', { user: 'UALICE', channel: 'CRECAP' });
    await h.slack.idle();
    expect(decodeMrkdwn(String(h.fake.responses.slice(before)[0]!.body.text))).toMatch(/recap of what this channel asked/);
    const subscription = (await h.store.digests.forChannel('slack', 'CRECAP'))!;
    expect(subscription).toMatchObject({ kind: 'recap', topic: null });
    const posted = postsTo('CRECAP').length;
    clock.set(subscription.nextDueAt);
    await runner.tick();
    const posts = postsTo('CRECAP').slice(posted);
    expect(posts).toHaveLength(1);
    const text = decodeMrkdwn(JSON.stringify(posts[0]!.args.blocks));
    expect(text).toContain('Daily recap.');
    expect(text).toContain('Asked 2 times');
  });
});
