import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/adapters/slack/action-ids.ts';
import { buttons, quotedLines } from '../adapters/slack/blocks.ts';
import { FakeSlack, newTs, SlackRequester } from '../fakes/slack/index.ts';
import { postgresAvailable, TEST_DATABASE_URL, testSchema } from '../store/engines.ts';
import { startFakeOpenAI } from '../fakes/openai.ts';
import { eventually, startReplica, type Replica } from './replica-process.ts';

/**
 * Several `gomez slack` processes (the real CLI, real Bolt HTTP receivers) sharing one PostgreSQL
 * database behind no load balancer: each test sends signed Slack requests to the replicas it chooses,
 * and the fake Slack Web API records what all of them posted. Needs the real server.
 */
const server = await postgresAvailable();
if (!server) console.warn(`SKIPPED: multi-process replica tests need the PostgreSQL server at ${TEST_DATABASE_URL} (TEST_DATABASE_URL)`);

const SIGNING_SECRET = 'replica-test-signing-secret';
/** Short leases so a dead replica's answer is taken over within seconds. */
const LEASE_SECONDS = 2;

describe.runIf(server)('Slack replicas sharing PostgreSQL (three `gomez slack` processes)', () => {
  const schema = testSchema();
  let fake: FakeSlack;
  let replicas: Replica[] = [];
  let env: Record<string, string>;
  const requester = (replica: Replica) => new SlackRequester(replica.url, SIGNING_SECRET, fake);
  /** Web API calls the replicas made in one channel. */
  const inChannel = (method: string, channel: string) => fake.callsTo(method).filter((c) => c.args.channel === channel);
  /**
   * The blocks the channel's nth bot message (0: the first) ends up with once n + 1 answers are done: the
   * message itself, or, when a slow machine made the replica post a "Looking…" placeholder first, the
   * update into the answer. Later edits ("More quotes") are not counted as the answer.
   */
  const answerBlocks = async (channel: string, nth = 0) => {
    await eventually('the answer recorded', async () => (await deliveryStates(env.DATABASE_URL!, channel)).filter((s) => s === 'done').length > nth);
    const message = inChannel('chat.postMessage', channel)[nth]!;
    const updates = inChannel('chat.update', channel).filter((u) => u.args.ts === message.result?.ts);
    return { ts: String(message.result?.ts), blocks: (updates.at(-1) ?? message).args.blocks };
  };

  beforeAll(async () => {
    await schema.create();
    fake = await FakeSlack.start();
    env = {
      DATABASE_URL: schema.url,
      SLACK_BOT_TOKEN: 'xoxb-fake-bot-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      RATE_LIMIT_PER_MINUTE: '10',
      DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
    };
    // Started together: each migrates on the way in, under the advisory lock.
    replicas = await Promise.all([1, 2, 3].map(() => startReplica(env)));
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled(replicas.map((r) => r.stop()));
    await fake?.close();
    await schema.drop();
  }, 60_000);

  it('answers the same signed event POSTed to two replicas at once exactly once', async () => {
    const channel = 'CSAME';
    const ts = newTs();
    const eventId = 'EvSAMEEVENT1';
    const question = { text: 'What did he say about data quality?', channel, ts };
    const [a, b] = await Promise.all([requester(replicas[0]!).mention(question, { eventId }), requester(replicas[1]!).mention(question, { eventId })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await eventually('one answer posted', () => inChannel('chat.postMessage', channel).length >= 1);
    // Slack retries it to the third replica a little later: still nothing more.
    await requester(replicas[2]!).mention(question, { eventId, retryNum: 1 });
    const answer = await answerBlocks(channel);
    // A duplicate would show up after the answer: give one the time to.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(inChannel('chat.postMessage', channel)).toHaveLength(1);
    expect(quotedLines(answer.blocks).length).toBeGreaterThan(0);
  });

  it('answers exactly 10 of 15 questions from one person spread round-robin over three replicas (limit 10)', async () => {
    const channel = 'CLIMIT';
    for (let i = 0; i < 15; i++) {
      const res = await requester(replicas[i % 3]!).mention({ text: `What did he say about data quality, take ${i}?`, channel, user: 'ULIMITED' });
      expect(res.status).toBe(200);
    }
    await eventually('15 replies', () => inChannel('chat.postMessage', channel).length + inChannel('chat.postEphemeral', channel).length >= 15);
    expect(inChannel('chat.postMessage', channel)).toHaveLength(10);
    const refusals = inChannel('chat.postEphemeral', channel);
    expect(refusals).toHaveLength(5);
    for (const refusal of refusals) expect(String(refusal.args.text)).toMatch(/minute|second|again/i);
  });

  it('"More quotes" and a follow-up work on replicas other than the one that answered', async () => {
    const channel = 'CPAGES';
    const threadTs = newTs();
    await requester(replicas[0]!).mention({ text: 'What did he say about data and scale and models?', channel, ts: threadTs });
    // The answer's delivery completes just after the post, with its turn: then the thread is followed.
    const first = await answerBlocks(channel);
    const firstQuotes = quotedLines(first.blocks);
    const moreId = buttons(first.blocks).get(ACTION_IDS.moreQuotes);
    expect(moreId).toBeDefined();
    const updatesBefore = inChannel('chat.update', channel).length;

    await requester(replicas[1]!).click({ actionId: ACTION_IDS.moreQuotes, value: moreId!, messageTs: first.ts, channel });
    await eventually('the next page', () => inChannel('chat.update', channel).length > updatesBefore);
    const next = quotedLines(inChannel('chat.update', channel)[updatesBefore]!.args.blocks);
    expect(next.length).toBeGreaterThan(0);
    for (const quote of next) expect(firstQuotes).not.toContain(quote);

    // An unmentioned question in the thread: only a replica that sees the bot answered there takes it.
    await requester(replicas[2]!).message({ text: 'And what did he say about synthetic data?', channel, threadTs });
    const followUp = await answerBlocks(channel, 1);
    expect(inChannel('chat.postMessage', channel)[1]!.args.thread_ts).toBe(threadTs);
    expect(quotedLines(followUp.blocks).length).toBeGreaterThan(0);
  });

  it('finishes the answer of a replica SIGKILLed after its placeholder, through that placeholder, within lease + sweep', async () => {
    // This replica's model never answers, so it posts its "looking…" placeholder and then hangs.
    const hanging = await startFakeOpenAI();
    hanging.onChat(() => ({ kind: 'hang' }));
    const doomed = await startReplica({ ...env, OPENAI_BASE_URL: hanging.baseURL, OPENAI_API_KEY: 'sk-test', OPENAI_TIMEOUT_MS: '600000' });
    const channel = 'CKILLED';
    try {
      await requester(doomed).mention({ text: 'What did he say about data quality?', channel });
      await eventually('the placeholder', () => inChannel('chat.postMessage', channel).length >= 1);
      const placeholder = inChannel('chat.postMessage', channel)[0]!;
      expect(String(placeholder.args.text)).toContain('Looking');
      await eventually('the placeholder recorded on the delivery', async () => (await placeholderRecorded(env.DATABASE_URL!)) === String(placeholder.result?.ts));
      await doomed.kill();
      const killedAt = Date.now();

      await eventually('the placeholder updated into the answer', () => inChannel('chat.update', channel).length >= 1, 20_000);
      // Measured, not asserted (the machine is shared): lease (2 s) + a sweep (lease / 3) + the answer.
      console.info(`replica takeover: placeholder updated ${Date.now() - killedAt} ms after SIGKILL`);
      const update = inChannel('chat.update', channel)[0]!;
      expect(update.args.ts).toBe(placeholder.result?.ts);
      expect(quotedLines(update.args.blocks).length).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(inChannel('chat.postMessage', channel)).toHaveLength(1);
      expect(inChannel('chat.update', channel)).toHaveLength(1);
    } finally {
      if (doomed.child.exitCode === null && doomed.child.signalCode === null) await doomed.kill();
      await hanging.close();
    }
  });
});

/** States of the Slack message deliveries of one channel. */
async function deliveryStates(databaseUrl: string, channel: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ state: string }>('SELECT state FROM deliveries WHERE key LIKE $1', [`slack:message:${channel}:%`]);
    return rows.map((r) => r.state);
  } finally {
    await client.end();
  }
}

/** The placeholder ts recorded on the one Slack message delivery still processing, if any. */
async function placeholderRecorded(databaseUrl: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ placeholder: string | null }>(`SELECT placeholder FROM deliveries WHERE key LIKE 'slack:message:CKILLED:%'`);
    const value = rows[0]?.placeholder;
    return value ? (JSON.parse(value) as { ts?: string }).ts : undefined;
  } finally {
    await client.end();
  }
}
