import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, isFollowUp, isOriginalEdit, quotedTexts } from '../adapters/discord/harness.ts';
import { fakeUser, slashCommand } from '../fakes/discord/payloads.ts';
import { FakeDiscord } from '../fakes/discord/server.ts';
import { postgresAvailable, TEST_DATABASE_URL, testSchema } from '../store/engines.ts';
import { startFakeOpenAI } from '../fakes/openai.ts';
import { eventually, startReplica, type Replica } from './replica-process.ts';

/**
 * `gomez discord` processes in HTTP interactions mode (DISCORD_PUBLIC_KEY: no gateway) sharing one
 * PostgreSQL schema: interactions are posted, signed with the fake Discord's Ed25519 key, to the replica
 * each test chooses, and the fake records every REST call any replica made. Needs the real server.
 */
const server = await postgresAvailable();
if (!server) console.warn(`SKIPPED: Discord replica tests need the PostgreSQL server at ${TEST_DATABASE_URL} (TEST_DATABASE_URL)`);

/** Short leases so a dead replica's answer is taken over within seconds. */
const LEASE_SECONDS = 2;

describe.runIf(server)('Discord replicas sharing PostgreSQL (HTTP interactions mode, `gomez discord` processes)', () => {
  const schema = testSchema();
  let fake: FakeDiscord;
  let survivor: Replica | undefined;
  let env: Record<string, string>;
  const endpoint = (replica: Replica) => `${replica.url}/discord/interactions`;

  beforeAll(async () => {
    await schema.create();
    fake = await FakeDiscord.start();
    env = {
      DATABASE_URL: schema.url,
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_PUBLIC_KEY: fake.publicKeyHex,
      SLACK_BOT_TOKEN: '',
      DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
    };
    survivor = await startReplica(env, 90_000, 'discord');
  }, 120_000);

  afterAll(async () => {
    await survivor?.stop();
    await fake?.close();
    await schema.drop();
  }, 60_000);

  it('edits @original of a replica SIGKILLed after deferring /gomez ask, from another replica, within lease + sweep; one answer', async () => {
    // This replica's model never answers: it defers (Discord shows "thinking…"), records the token, and hangs.
    const hanging = await startFakeOpenAI();
    hanging.onChat(() => ({ kind: 'hang' }));
    const doomed = await startReplica({ ...env, OPENAI_BASE_URL: hanging.baseURL, OPENAI_API_KEY: 'sk-test', OPENAI_TIMEOUT_MS: '600000' }, 90_000, 'discord');
    const interaction = slashCommand(fake, { subcommand: 'ask', options: { question: 'What did Gomez say about data quality?' }, user: fakeUser('alice') });
    try {
      const first = await fake.postInteraction(endpoint(doomed), interaction);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ type: 5 }); // deferred: the "thinking…" reply is @original
      await eventually('the deferred reply recorded on the delivery', async () => (await deferredToken(env.DATABASE_URL!, interaction.id)) === interaction.token);
      await doomed.kill();
      const killedAt = Date.now();

      const edit = await fake.waitForCall(isOriginalEdit(interaction), 20_000);
      // Measured, not asserted (the machine is shared): lease (2 s) + a sweep (lease / 3) + the answer.
      console.info(`discord takeover: @original edited ${Date.now() - killedAt} ms after SIGKILL`);
      const embed = bodyOf(edit).embeds[0];
      expect(embed.title).toBe('What did Gomez say about data quality?');
      expect(quotedTexts(embed.description).length).toBeGreaterThan(0);
      expect(bodyOf(edit).allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(fake.originalMessage(interaction.token)?.embeds)).toContain('data quality');

      // Exactly one answer: the deferred reply edited once, no follow-up message, the delivery done.
      await eventually('the delivery done', async () => (await deliveryState(env.DATABASE_URL!, interaction.id)) === 'done');
      await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 1000));
      expect(fake.calls.filter(isOriginalEdit(interaction))).toHaveLength(1);
      expect(fake.calls.filter(isFollowUp(interaction))).toEqual([]);
      expect(fake.callsFor(interaction).filter((c) => c.path.endsWith('/callback'))).toHaveLength(1);
      // The survivor took it over: the answer record is there for "More quotes" and votes.
      expect(await answerShown(env.DATABASE_URL!, interaction.id)).toBe(quotedTexts(embed.description).length);
      // A replay of the same interaction to the survivor is refused, not answered again.
      const replay = await fake.postInteraction(endpoint(survivor!), interaction);
      expect(replay.status).toBe(409);
      expect(fake.calls.filter(isOriginalEdit(interaction))).toHaveLength(1);
      expect(fake.gatewayConnections).toBe(0);
    } finally {
      if (doomed.child.exitCode === null && doomed.child.signalCode === null) await doomed.kill();
      await hanging.close();
    }
  }, 180_000);
});

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The interaction token recorded as the deferred reply of an interaction's delivery, if any. */
async function deferredToken(databaseUrl: string, interactionId: string): Promise<string | undefined> {
  const rows = await query<{ placeholder: string | null }>(databaseUrl, 'SELECT placeholder FROM deliveries WHERE key = $1', [`discord:interaction:${interactionId}`]);
  const value = rows[0]?.placeholder;
  return value ? (JSON.parse(value) as { token?: string }).token : undefined;
}

async function deliveryState(databaseUrl: string, interactionId: string): Promise<string | undefined> {
  const rows = await query<{ state: string }>(databaseUrl, 'SELECT state FROM deliveries WHERE key = $1', [`discord:interaction:${interactionId}`]);
  return rows[0]?.state;
}

/** How many quotes the answer record of an interaction says were shown. */
async function answerShown(databaseUrl: string, interactionId: string): Promise<number | undefined> {
  const rows = await query<{ shown: number }>(databaseUrl, 'SELECT shown FROM answers WHERE id = $1', [interactionId]);
  return rows[0]?.shown;
}
