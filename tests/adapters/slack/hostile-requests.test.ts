import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyShapeOk, guardSlackRequest, timestampFresh } from '../../../src/adapters/slack/request-guard.ts';
import { startHarness, SIGNING_SECRET, type Harness } from './harness.ts';

describe('Slack HTTP receiver: hostile but correctly signed requests never take the bot down', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers 400 to signed JSON bodies that are not objects, and keeps answering', async () => {
    for (const body of ['null', '[]', '"text"', '42', 'true']) {
      const res = await h.slackRequests.send(body, 'application/json');
      expect(res.status, body).toBe(400);
    }
    const form = await h.slackRequests.send('payload=null', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(400);
    // The same process still serves: a real mention is answered.
    const ok = await h.slackRequests.mention({ text: 'What did he say about data quality?' });
    expect(ok.status).toBe(200);
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(1);
  });

  it('rejects a correctly signed request dated 10 minutes in the future with 401 and posts nothing', async () => {
    const tenMinutesAhead = Math.floor(Date.now() / 1000) + 10 * 60;
    const res = await h.slackRequests.mention({ text: 'data quality?' }, { timestamp: tenMinutesAhead });
    expect(res.status).toBe(401);
    const challenge = await h.slackRequests.urlVerification('future', { timestamp: tenMinutesAhead });
    expect(challenge.status).toBe(401);
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(0);
  });

  it('serves /healthz on the same port and 404 elsewhere', async () => {
    const base = `http://127.0.0.1:${h.slack.port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/slack/events`)).status).toBe(405);
  });
});

describe('request guard', () => {
  const now = 1_750_000_000_000;
  const nowSec = Math.floor(now / 1000);

  it('accepts timestamps within five minutes either side, and nothing else', () => {
    expect(timestampFresh(String(nowSec), now)).toBe(true);
    expect(timestampFresh(String(nowSec + 299), now)).toBe(true);
    expect(timestampFresh(String(nowSec - 299), now)).toBe(true);
    expect(timestampFresh(String(nowSec + 301), now)).toBe(false);
    expect(timestampFresh(String(nowSec - 301), now)).toBe(false);
    expect(timestampFresh('abc', now)).toBe(false);
    expect(timestampFresh(undefined, now)).toBe(false);
  });

  it('accepts objects and forms, refuses other JSON', () => {
    const json = (body: string) => ({ headers: { 'content-type': 'application/json' }, body });
    const form = (body: string) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(bodyShapeOk(json('{"type":"event_callback"}'))).toBe(true);
    expect(bodyShapeOk(json('null'))).toBe(false);
    expect(bodyShapeOk(json('{'))).toBe(false);
    expect(bodyShapeOk(form('command=%2Fgomez&text=hi'))).toBe(true);
    expect(bodyShapeOk(form('payload=%7B%22type%22%3A%22block_actions%22%7D'))).toBe(true);
    expect(bodyShapeOk(form('payload=%5B%5D'))).toBe(false);
    expect(bodyShapeOk({ headers: { 'content-type': 'text/plain' }, body: 'x' })).toBe(false);
  });

  it('checks the signature before the body, so unsigned junk is 401 not 400', () => {
    const verdict = guardSlackRequest(
      { headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(nowSec), 'x-slack-signature': 'v0=00' }, body: 'null' },
      SIGNING_SECRET,
      now,
    );
    expect(verdict).toMatchObject({ ok: false, status: 401 });
  });
});
