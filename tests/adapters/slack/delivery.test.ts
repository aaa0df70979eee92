import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newTs } from '../../fakes/slack/index.ts';
import { startHarness, type Harness } from './harness.ts';

describe('Slack request verification and delivery dedupe (real Bolt HTTP receiver)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers the url_verification challenge (signed)', async () => {
    const res = await h.slackRequests.urlVerification('challenge-3f9a');
    expect(res.status).toBe(200);
    expect(res.text).toContain('challenge-3f9a');
  });

  it('rejects a bad signature with 401 and posts nothing', async () => {
    const res = await h.slackRequests.mention({ text: 'data quality?' }, { signature: 'v0=' + '0'.repeat(64) });
    expect(res.status).toBe(401);
    const cmd = await h.slackRequests.command('data quality?', {}, { signature: 'v0=deadbeef' });
    expect(cmd.status).toBe(401);
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(0);
    expect(h.fake.responses).toHaveLength(0);
  });

  it('rejects a correctly signed request whose timestamp is 6 minutes old with 401 and posts nothing', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.slackRequests.mention({ text: 'data quality?' }, { timestamp: sixMinutesAgo });
    expect(res.status).toBe(401);
    const challenge = await h.slackRequests.urlVerification('old', { timestamp: sixMinutesAgo });
    expect(challenge.status).toBe(401);
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(0);
  });

  it('answers an event delivered three times once: two retries, then a re-delivery after a restart', async () => {
    const ts = newTs();
    const first = await h.slackRequests.mention({ text: 'What did he say about data quality?', ts });
    expect(first.status).toBe(200);
    const eventId = first.eventId;
    const retry1 = await h.slackRequests.mention({ text: 'What did he say about data quality?', ts }, { eventId, retryNum: 1 });
    const retry2 = await h.slackRequests.mention({ text: 'What did he say about data quality?', ts }, { eventId, retryNum: 2 });
    expect([retry1.status, retry2.status]).toEqual([200, 200]);
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);

    await h.restart();
    const again = await h.slackRequests.mention({ text: 'What did he say about data quality?', ts }, { eventId });
    expect(again.status).toBe(200);
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);

    // The restarted app still answers new events.
    await h.slackRequests.mention({ text: 'and about scale?' });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(2);
  });

  it('runs a first-seen retry (the original delivery never arrived)', async () => {
    await h.slackRequests.mention({ text: 'What did he say about scale?' }, { retryNum: 1, retryReason: 'http_error' });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);
  });

  it('serves GET /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${h.slack.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
});
