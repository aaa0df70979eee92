import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent } from '../../../../src/store/postgres/migrate.ts';
import { postgresAvailable, TEST_DATABASE_URL, testSchema } from '../../../store/engines.ts';
import { startOAuthHarness, WORKSPACE_A, WORKSPACE_B, type OAuthHarness } from './harness.ts';

/** The same install flow with the state store on the real PostgreSQL server (what replicas share). */
const server = await postgresAvailable();
if (!server) console.warn(`SKIPPED: the Slack OAuth install on PostgreSQL needs the server at ${TEST_DATABASE_URL} (TEST_DATABASE_URL)`);

describe.runIf(server)('Slack OAuth install with the state store on PostgreSQL', () => {
  const schema = testSchema();
  let h: OAuthHarness;
  beforeAll(async () => {
    h = await startOAuthHarness({ postgres: { databaseUrl: TEST_DATABASE_URL, schema: schema.name } });
  });
  afterAll(async () => {
    await h.close();
    await schema.drop();
  });

  it('installs two workspaces, answers each with its token, uninstalls one, and keeps no token readable in the rows', async () => {
    expect((await h.install(WORKSPACE_A)).status).toBe(200);
    expect((await h.install(WORKSPACE_B)).status).toBe(200);
    await h.from(WORKSPACE_A).mention({ text: 'What did Gomez say about synthetic data?' });
    await h.from(WORKSPACE_B).mention({ text: 'What did Gomez say about synthetic data?' });
    await h.slack.idle();
    expect(h.fake.posts.map((c) => c.token).sort()).toEqual([WORKSPACE_A.botToken, WORKSPACE_B.botToken]);

    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const rows = JSON.stringify((await client.query(`SELECT * FROM ${quoteIdent(schema.name)}.slack_installations ORDER BY key`)).rows);
      expect(rows).toContain('T:T0AAA');
      expect(rows).toContain('T:T0BBB');
      expect(rows).not.toContain('xoxb-');

      await h.from(WORKSPACE_A).event({ type: 'app_uninstalled' });
      await h.slack.idle();
      const keys = (await client.query(`SELECT key FROM ${quoteIdent(schema.name)}.slack_installations ORDER BY key`)).rows.map((r) => r.key);
      expect(keys).toEqual(['T:T0BBB']);
    } finally {
      await client.end();
    }
    await h.from(WORKSPACE_B).mention({ text: 'What did Gomez say about data quality?' });
    await h.slack.idle();
    expect(h.fake.posts.filter((c) => c.token === WORKSPACE_B.botToken)).toHaveLength(2);
  });
});
