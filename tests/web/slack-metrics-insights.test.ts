import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/adapters/slack/action-ids.ts';
import { newTs } from '../fakes/slack/index.ts';
import { buttons } from '../adapters/slack/blocks.ts';
import { startHarness, type Harness } from '../adapters/slack/harness.ts';

const TOKEN = 'insights-token-for-tests-0123456789';

/** The value of one sample line of the Prometheus text (0 when the series does not exist yet). */
function sample(metrics: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.indexOf('}'));
    const parts = inside.split(',');
    if (wanted.every((w) => parts.includes(w)) && parts.length === wanted.length) return Number(line.slice(line.indexOf('}') + 1));
  }
  return 0;
}

describe('/metrics and insights on the Slack HTTP receiver (real Bolt app, fake Slack)', () => {
  let h: Harness;
  let base: string;
  beforeEach(async () => {
    h = await startHarness({ env: { INSIGHTS_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '4' } });
    base = `http://127.0.0.1:${h.slack.port}`;
  });
  afterEach(async () => {
    await h.close();
  });

  const scrape = async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  it('counts questions by outcome, latency, dedupe hits and rate-limited requests as they happen', async () => {
    const before = await scrape();
    expect(before).toContain('# TYPE gomez_questions_total counter');
    expect(before).toContain('# TYPE gomez_answer_duration_seconds histogram');

    const ts = newTs();
    const first = await h.slackRequests.mention({ text: 'What did he say about data quality?', ts });
    await h.slackRequests.mention({ text: 'What did he say about data quality?', ts }, { eventId: first.eventId, retryNum: 1 });
    await h.slackRequests.mention({ text: 'What did he say about Bitcoin mining rigs?' });
    await h.slack.idle();
    // The limit is four a minute: the fifth and sixth questions from one user are refused.
    for (let i = 0; i < 4; i++) await h.slackRequests.mention({ text: 'What did he say about scale?', user: 'UBUSY' });
    await h.slack.idle();

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('gomez_questions_total', { surface: 'slack', outcome: 'answered' })).toBe(5);
    expect(delta('gomez_questions_total', { surface: 'slack', outcome: 'refused' })).toBe(1);
    expect(delta('gomez_dedupe_hits_total', { platform: 'slack' })).toBe(1);
    expect(delta('gomez_answer_duration_seconds_count', { surface: 'slack' })).toBe(6);

    for (let i = 0; i < 2; i++) await h.slackRequests.mention({ text: 'What did he say about data?', user: 'UBUSY' });
    await h.slack.idle();
    const limited = await scrape();
    expect(sample(limited, 'gomez_rate_limited_total', { platform: 'slack' }) - sample(after, 'gomez_rate_limited_total', { platform: 'slack' })).toBe(2);
  });

  it('serves insights only with the token: refused questions, 👎 votes with their question and answer, top topics, users hashed', async () => {
    const threadTs = newTs();
    await h.slackRequests.mention({ text: 'What did he say about data quality?', ts: threadTs, user: 'UALICE' });
    await h.slackRequests.mention({ text: 'What did he say about Bitcoin mining rigs?', user: 'UBOB' });
    await h.slack.idle();
    // The data-quality answer, in its own thread: the two questions are answered concurrently, in either order.
    const answerPost = h.fake.posts.find((p) => p.args.thread_ts === threadTs && buttons(p.args.blocks).has(ACTION_IDS.feedbackDown))!;
    const answerId = buttons(answerPost.args.blocks).get(ACTION_IDS.feedbackDown)!;
    await h.slackRequests.click({ actionId: ACTION_IDS.feedbackDown, value: answerId, messageTs: String(answerPost.result?.ts), user: 'UCAROL' });
    await h.slack.idle();

    expect((await fetch(`${base}/insights.json`)).status).toBe(401);
    expect((await fetch(`${base}/insights`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    expect((await fetch(`${base}/insights?token=${TOKEN.slice(0, -1)}`)).status).toBe(401);

    const res = await fetch(`${base}/insights.json?days=7`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const insights = JSON.parse(text);
    expect(insights.refused.map((q: { question: string }) => q.question)).toEqual(['What did he say about Bitcoin mining rigs?']);
    expect(insights.refused[0].user).toMatch(/^[0-9a-f]{12}$/);
    expect(insights.downVotes).toHaveLength(1);
    expect(insights.downVotes[0]).toMatchObject({ question: 'What did he say about data quality?', platform: 'slack' });
    expect(insights.downVotes[0].answer.length).toBeGreaterThan(20);
    expect(insights.topTopics.length).toBeGreaterThan(0);
    expect(insights.totals).toMatchObject({ answered: 1, refused: 1, failed: 0 });
    // No platform user id, anywhere.
    for (const id of ['UALICE', 'UBOB', 'UCAROL']) expect(text).not.toContain(id);

    const page = await fetch(`${base}/insights?token=${TOKEN}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Bitcoin mining rigs');
    expect(html).not.toContain('UBOB');
  });

  it('has no insights page at all when INSIGHTS_TOKEN is unset', async () => {
    const plain = await startHarness();
    try {
      const res = await fetch(`http://127.0.0.1:${plain.slack.port}/insights?token=anything-at-all-here`);
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
