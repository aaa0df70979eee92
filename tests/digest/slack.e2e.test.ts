import { readFileSync } from 'node:fs';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackDigestRunner } from '../../src/adapters/slack/digest-poster.ts';
import type { DigestRunner } from '../../src/digest/runner.ts';
import { decodeMrkdwn, quotedLines } from '../adapters/slack/blocks.ts';
import { BOT_TOKEN, startHarness, type Harness } from '../adapters/slack/harness.ts';
import { FakeClock, HOUR } from './helpers.ts';

const SOURCE_TEXT = readFileSync('corpus/000_f1adc335df00c9b8.txt', 'utf8');

describe('Slack digests (real Bolt app and the real core, local fake Slack)', () => {
  let h: Harness;
  let runner: DigestRunner;
  const clock = new FakeClock(new Date());
  const subscriptions = () => h.store.digests;

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
    h.fake.users.set('UBOB', { id: 'UBOB' });
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: h.fake.apiUrl, retryConfig: { retries: 0 } });
    runner = createSlackDigestRunner({ client, core: h.core, store: h.store, clock: clock.now });
  });
  afterAll(async () => {
    await runner?.stop();
    await h?.close();
  });

  /** Runs `/gomez <text>` and returns the private reply's text. */
  async function command(text: string, user: string, channel = 'CGENERAL'): Promise<string> {
    const before = h.fake.responses.length;
    const res = await h.slackRequests.command(text, { user, channel });
    expect(res.status).toBe(200);
    await h.slack.idle();
    const replies = h.fake.responses.slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body.response_type).toBe('ephemeral');
    return decodeMrkdwn(String(replies[0]!.body.text));
  }

  const postsTo = (channel: string) => h.fake.posts.filter((p) => p.args.channel === channel);

  it('anyone may set up a channel digest; the reply is private and nothing is posted yet', async () => {
    const reply = await command('digest subscribe daily 09:00 Europe/London', 'UALICE');
    expect(reply).toMatch(/^Subscribed: this channel gets a daily at 09:00 \(Europe\/London\) digest of the interviews/);
    expect((await subscriptions().forChannel('slack', 'CGENERAL'))).toMatchObject({ subscriberId: 'UALICE', timezone: 'Europe/London' });
    expect(h.fake.posts).toHaveLength(0);
  });

  it('another member who is not an admin cannot change or remove it', async () => {
    expect(await command('digest subscribe weekly 10:00', 'UBOB')).toMatch(/Only the person who set up/);
    expect(await command('digest unsubscribe', 'UBOB')).toMatch(/Only the person who set up/);
    expect((await subscriptions().forChannel('slack', 'CGENERAL'))).toMatchObject({ every: 'daily', subscriberId: 'UALICE' });
  });

  it('validates the time zone and refuses a topic the corpus does not cover', async () => {
    expect(await command('digest subscribe daily 09:00 Mars/Olympus', 'UBOB', 'CRANDOM')).toMatch(/not a time zone/);
    expect(await command('digest subscribe daily 9am', 'UBOB', 'CRANDOM')).toMatch(/HH:MM/);
    expect(await command('digest subscribe daily 09:00 UTC cryptocurrency prices', 'UBOB', 'CRANDOM')).toMatch(/n't cover|couldn't find/i);
    expect((await subscriptions().forChannel('slack', 'CRANDOM'))).toBeUndefined();
  });

  it('posts the digest in the channel at the due time, with verbatim Gomez quotes', async () => {
    const due = new Date((await subscriptions().forChannel('slack', 'CGENERAL'))!.nextDueAt);
    clock.set(new Date(due.getTime() - 1_000).toISOString());
    await runner.tick();
    expect(postsTo('CGENERAL')).toHaveLength(0);
    clock.set(due.toISOString());
    await runner.tick();
    await runner.tick();
    expect(postsTo('CGENERAL')).toHaveLength(1);
    const post = postsTo('CGENERAL')[0]!;
    expect(JSON.stringify(post.args.blocks)).toContain('Daily digest.');
    const quotes = quotedLines(post.args.blocks);
    expect(quotes.length).toBeGreaterThanOrEqual(5);
    for (const q of quotes) expect(SOURCE_TEXT).toContain(decodeMrkdwn(q));
  });

  it('a channel answering not_in_channel disables only its own subscription', async () => {
    expect(await command('digest subscribe daily 09:00 Europe/London', 'UBOB', 'CKICKED')).toMatch(/^Subscribed/);
    h.fake.fail('chat.postMessage', 'not_in_channel', { when: (args) => args.channel === 'CKICKED' });
    const due = new Date((await subscriptions().forChannel('slack', 'CGENERAL'))!.nextDueAt);
    clock.set(new Date(due.getTime() + HOUR).toISOString());
    const report = await runner.tick();
    expect(report.disabled).toHaveLength(1);
    expect((await subscriptions().forChannel('slack', 'CKICKED'))).toMatchObject({ active: false, disabledReason: 'not_in_channel' });
    expect((await subscriptions().forChannel('slack', 'CGENERAL'))!.active).toBe(true);
    expect(postsTo('CGENERAL')).toHaveLength(2);
    // Consecutive digests in one channel share no quote.
    const [first, second] = postsTo('CGENERAL').map((p) => new Set(quotedLines(p.args.blocks)));
    for (const q of second!) expect(first!.has(q)).toBe(false);
  });

  it('a workspace admin may remove anyone\'s digest; afterwards nothing more is posted', async () => {
    expect(await command('digest list', 'UBOB')).toMatch(/<#CGENERAL>: daily at 09:00 \(Europe\/London\)/);
    expect(await command('digest unsubscribe', 'UADMIN')).toMatch(/^Unsubscribed/);
    clock.advance(3 * 24 * HOUR);
    await runner.tick();
    expect(postsTo('CGENERAL')).toHaveLength(2);
  });

  it('/gomez summary and "@bot summarize <topic>" post summaries for everyone', async () => {
    const before = h.fake.posts.length;
    await h.slackRequests.command('summary', { user: 'UBOB', channel: 'CSUM' });
    await h.slackRequests.mention({ text: 'summarize synthetic data', user: 'UBOB', channel: 'CSUM' });
    await h.slack.idle();
    const posts = h.fake.posts.slice(before);
    expect(posts).toHaveLength(2);
    for (const post of posts) {
      const quotes = quotedLines(post.args.blocks);
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) expect(SOURCE_TEXT).toContain(decodeMrkdwn(q));
    }
  });
});
