import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Installation } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackOAuthConfigFrom } from '../../../../src/adapters/slack/oauth/config.ts';
import { SqliteInstallationStore } from '../../../../src/adapters/slack/oauth/installation-store.ts';
import { readEnv } from '../../../../src/config/env.ts';
import { Store } from '../../../../src/store/store.ts';
import { TokenCipher } from '../../../../src/store/token-cipher.ts';

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

describe('Slack installations at rest (SqliteInstallationStore, AES-256-GCM)', () => {
  let dir: string;
  let store: Store;
  const key = randomBytes(32);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gomez-install-'));
    store = Store.open(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps each workspace apart, and no token is readable in the database files', async () => {
    const installs = new SqliteInstallationStore(store, new TokenCipher(key));
    await installs.storeInstallation(installation('T0AAA', 'xoxb-aaa-secret-token'));
    await installs.storeInstallation(installation('T0BBB', 'xoxb-bbb-secret-token'));
    expect((await installs.fetchInstallation({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-aaa-secret-token');
    expect((await installs.fetchInstallation({ teamId: 'T0BBB', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-bbb-secret-token');

    store.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file)).toString('latin1');
      expect(bytes, file).not.toContain('xoxb-');
      expect(bytes, file).not.toContain('secret-token');
    }
    // The ids stay plain for lookups.
    expect(installs.installedKeys()).toEqual(['T:T0AAA', 'T:T0BBB']);
  });

  it('deleting one workspace removes its tokens and leaves the other working', async () => {
    const installs = new SqliteInstallationStore(store, new TokenCipher(key));
    await installs.storeInstallation(installation('T0AAA', 'xoxb-aaa'));
    await installs.storeInstallation(installation('T0BBB', 'xoxb-bbb'));
    await installs.deleteInstallation({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(installs.fetchInstallation({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/no Slack installation/);
    expect((await installs.fetchInstallation({ teamId: 'T0BBB', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-bbb');
    expect(installs.installedKeys()).toEqual(['T:T0BBB']);
  });

  it('reinstalling replaces the tokens; another key, or a sealed value moved to another row, does not open', async () => {
    const installs = new SqliteInstallationStore(store, new TokenCipher(key));
    await installs.storeInstallation(installation('T0AAA', 'xoxb-old'));
    await installs.storeInstallation(installation('T0AAA', 'xoxb-new'));
    expect((await installs.fetchInstallation({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-new');

    const other = new SqliteInstallationStore(store, new TokenCipher(randomBytes(32)));
    await expect(other.fetchInstallation({ teamId: 'T0AAA', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow();

    await installs.storeInstallation(installation('T0BBB', 'xoxb-bbb'));
    store.db.prepare("UPDATE slack_installations SET installation = (SELECT installation FROM slack_installations WHERE key = 'T:T0AAA') WHERE key = 'T:T0BBB'").run();
    await expect(installs.fetchInstallation({ teamId: 'T0BBB', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow();
  });

  it('an org-wide install serves the org\'s workspaces', async () => {
    const installs = new SqliteInstallationStore(store, new TokenCipher(key));
    const org: Installation<'v2', true> = { ...installation('T0X', 'xoxb-org'), team: undefined, enterprise: { id: 'E0ORG' }, isEnterpriseInstall: true };
    await installs.storeInstallation(org);
    expect((await installs.fetchInstallation({ teamId: 'T0ANY', enterpriseId: 'E0ORG', isEnterpriseInstall: false })).bot?.token).toBe('xoxb-org');
  });
});

describe('Slack OAuth configuration', () => {
  const oauth = { SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'a-state-secret-of-some-length' };

  it('is off without the OAuth variables', () => {
    expect(slackOAuthConfigFrom(readEnv({}))).toBeUndefined();
  });

  it('names SLACK_TOKEN_ENCRYPTION_KEY when it is missing or malformed', () => {
    expect(() => slackOAuthConfigFrom(readEnv(oauth))).toThrow(/SLACK_TOKEN_ENCRYPTION_KEY is not set/);
    expect(() => slackOAuthConfigFrom(readEnv({ ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: 'short' }))).toThrow(/SLACK_TOKEN_ENCRYPTION_KEY is malformed/);
    expect(slackOAuthConfigFrom(readEnv({ ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64') }))?.clientId).toBe('123.456');
    expect(slackOAuthConfigFrom(readEnv({ ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('hex') }))).toBeDefined();
  });

  it('names the missing one of the three OAuth variables', () => {
    expect(() => slackOAuthConfigFrom(readEnv({ SLACK_CLIENT_ID: '1' }))).toThrow(/SLACK_CLIENT_SECRET is not set/);
  });
});
