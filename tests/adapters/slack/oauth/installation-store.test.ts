import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/bolt';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotInstalledError, SealedInstallationStore } from '../../../../src/adapters/slack/oauth/installation-store.ts';
import { setLogLevel } from '../../../../src/log.ts';
import { openStateStore } from '../../../../src/store/open-state.ts';
import { quoteIdent } from '../../../../src/store/postgres/migrate.ts';
import type { StateStore } from '../../../../src/store/state.ts';
import { TokenCipher } from '../../../../src/store/token-cipher.ts';
import { postgresAvailable, postgresEngine, sqliteEngine, TEST_DATABASE_URL, testSchema, type Engine } from '../../../store/engines.ts';

/**
 * The sealed installation store (Bolt's InstallationStore over the StateStore) on SQLite and on the real
 * PostgreSQL server: one contract, and the tokens unreadable where each engine keeps its rows.
 */
setLogLevel('silent');
const server = await postgresAvailable();
if (!server) console.warn(`SKIPPED: the Slack installation store on PostgreSQL needs the server at ${TEST_DATABASE_URL} (TEST_DATABASE_URL); it ran on SQLite only`);
const engines: Engine[] = server ? [sqliteEngine, postgresEngine] : [sqliteEngine];

function installation(teamId: string, botToken: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { token: undefined, scopes: undefined, id: 'U0INSTALLER' },
    bot: { token: botToken, scopes: ['chat:write'], id: 'B0BOT', userId: 'U0BOT' },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: 'A0APP',
    authVersion: 'v2',
  };
}

const team = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });

describe.each(engines)('Slack installations at rest on $name (SealedInstallationStore, AES-256-GCM)', (engine) => {
  let opened: { store: StateStore; close(): Promise<void> };
  const key = randomBytes(32);

  beforeEach(async () => {
    opened = await engine.open();
  });
  afterEach(async () => {
    await opened.close();
  });

  it('keeps each workspace apart', async () => {
    const installs = new SealedInstallationStore(opened.store.slackInstallations, new TokenCipher(key));
    await installs.storeInstallation(installation('T0AAA', 'xoxb-aaa-secret-token'));
    await installs.storeInstallation(installation('T0BBB', 'xoxb-bbb-secret-token'));
    expect((await installs.fetchInstallation(team('T0AAA'))).bot?.token).toBe('xoxb-aaa-secret-token');
    expect((await installs.fetchInstallation(team('T0BBB'))).bot?.token).toBe('xoxb-bbb-secret-token');
    // The ids stay plain for lookups; the row holds no token.
    expect(await installs.installedKeys()).toEqual(['T:T0AAA', 'T:T0BBB']);
    const row = await opened.store.slackInstallations.get('T:T0AAA');
    expect(row).toMatchObject({ key: 'T:T0AAA', teamId: 'T0AAA', enterpriseId: null, enterpriseInstall: false });
    expect(JSON.stringify(row)).not.toContain('xoxb-');
  });

  it('deleting one workspace removes its tokens and leaves the other working', async () => {
    const installs = new SealedInstallationStore(opened.store.slackInstallations, new TokenCipher(key));
    await installs.storeInstallation(installation('T0AAA', 'xoxb-aaa'));
    await installs.storeInstallation(installation('T0BBB', 'xoxb-bbb'));
    await installs.deleteInstallation(team('T0AAA'));
    await expect(installs.fetchInstallation(team('T0AAA'))).rejects.toBeInstanceOf(NotInstalledError);
    expect((await installs.fetchInstallation(team('T0BBB'))).bot?.token).toBe('xoxb-bbb');
    expect(await installs.installedKeys()).toEqual(['T:T0BBB']);
    expect(await opened.store.slackInstallations.get('T:T0AAA')).toBeUndefined();
  });

  it('reinstalling replaces the tokens; another key, or a sealed value moved to another row, does not open', async () => {
    const installs = new SealedInstallationStore(opened.store.slackInstallations, new TokenCipher(key));
    await installs.storeInstallation(installation('T0AAA', 'xoxb-old'));
    await installs.storeInstallation(installation('T0AAA', 'xoxb-new'));
    expect((await installs.fetchInstallation(team('T0AAA'))).bot?.token).toBe('xoxb-new');
    expect(await installs.installedKeys()).toEqual(['T:T0AAA']);

    const other = new SealedInstallationStore(opened.store.slackInstallations, new TokenCipher(randomBytes(32)));
    await expect(other.fetchInstallation(team('T0AAA'))).rejects.toThrow();

    await installs.storeInstallation(installation('T0BBB', 'xoxb-bbb'));
    const a = (await opened.store.slackInstallations.get('T:T0AAA'))!;
    const b = (await opened.store.slackInstallations.get('T:T0BBB'))!;
    await opened.store.slackInstallations.save({ ...b, sealed: a.sealed });
    await expect(installs.fetchInstallation(team('T0BBB'))).rejects.toThrow();
  });

  it("an org-wide install serves the org's workspaces, and is removed as the org's", async () => {
    const installs = new SealedInstallationStore(opened.store.slackInstallations, new TokenCipher(key));
    const org: Installation<'v2', true> = { ...installation('T0X', 'xoxb-org'), team: undefined, enterprise: { id: 'E0ORG' }, isEnterpriseInstall: true };
    await installs.storeInstallation(org);
    expect(await opened.store.slackInstallations.get('E:E0ORG')).toMatchObject({ teamId: null, enterpriseId: 'E0ORG', enterpriseInstall: true });
    expect((await installs.fetchInstallation({ teamId: 'T0ANY', enterpriseId: 'E0ORG', isEnterpriseInstall: false })).bot?.token).toBe('xoxb-org');
    await installs.deleteInstallation({ teamId: undefined, enterpriseId: 'E0ORG', isEnterpriseInstall: true });
    await expect(installs.fetchInstallation({ teamId: 'T0ANY', enterpriseId: 'E0ORG', isEnterpriseInstall: false })).rejects.toBeInstanceOf(NotInstalledError);
  });
});

describe('no token is readable where the rows are kept', () => {
  const key = randomBytes(32);

  it('in the SQLite file and its WAL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gomez-install-'));
    const store = await openStateStore({ dataDir: dir });
    try {
      const installs = new SealedInstallationStore(store.slackInstallations, new TokenCipher(key));
      await installs.storeInstallation(installation('T0AAA', 'xoxb-aaa-secret-token'));
      await installs.storeInstallation(installation('T0BBB', 'xoxb-bbb-secret-token'));
      // Before a checkpoint the rows are in the WAL; both files are read.
      const files = readdirSync(dir);
      expect(files).toEqual(expect.arrayContaining(['gomez.sqlite', 'gomez.sqlite-wal']));
      let seen = '';
      for (const file of files) {
        const bytes = readFileSync(join(dir, file)).toString('latin1');
        seen += bytes;
        expect(bytes, file).not.toContain('xoxb-');
        expect(bytes, file).not.toContain('secret-token');
      }
      // The plain ids are there: the files read are the ones holding the rows.
      expect(seen).toContain('T0AAA');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(server)('in the PostgreSQL rows', async () => {
    const schema = testSchema();
    const store = await openStateStore({ databaseUrl: TEST_DATABASE_URL, dataDir: ':memory:', schema: schema.name, postgres: { max: 2 } });
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const installs = new SealedInstallationStore(store.slackInstallations, new TokenCipher(key));
      await installs.storeInstallation(installation('T0AAA', 'xoxb-aaa-secret-token'));
      const { rows } = await client.query(`SELECT * FROM ${quoteIdent(schema.name)}.slack_installations`);
      expect(rows).toHaveLength(1);
      const text = JSON.stringify(rows);
      expect(text).toContain('T0AAA');
      expect(text).not.toContain('xoxb-');
      expect(text).not.toContain('secret-token');
    } finally {
      await client.end();
      await store.close();
      await schema.drop();
    }
  });
});
