import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { slackConfigFrom } from '../../../../src/adapters/slack/config.ts';
import { startSlack } from '../../../../src/adapters/slack/index.ts';
import { slackOAuthConfigFrom } from '../../../../src/adapters/slack/oauth/config.ts';
import { readEnv } from '../../../../src/config/env.ts';
import { ConfigError } from '../../../../src/errors.ts';
import { openStateStore } from '../../../../src/store/open-state.ts';
import { testCore } from '../test-core.ts';

const oauth = { SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'a-state-secret-of-some-length' };
const key = () => randomBytes(32).toString('base64');

describe('Slack OAuth configuration', () => {
  it('is off without the OAuth variables', () => {
    expect(slackOAuthConfigFrom(readEnv({}))).toBeUndefined();
  });

  it('names SLACK_TOKEN_ENCRYPTION_KEY when it is missing or malformed', () => {
    expect(() => slackOAuthConfigFrom(readEnv(oauth))).toThrow(/SLACK_TOKEN_ENCRYPTION_KEY is not set/);
    expect(() => slackOAuthConfigFrom(readEnv({ ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: 'short' }))).toThrow(/SLACK_TOKEN_ENCRYPTION_KEY is malformed/);
    expect(slackOAuthConfigFrom(readEnv({ ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: key() }))?.clientId).toBe('123.456');
    expect(slackOAuthConfigFrom(readEnv({ ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('hex') }))).toBeDefined();
  });

  it('names the missing one of the three OAuth variables', () => {
    expect(() => slackOAuthConfigFrom(readEnv({ SLACK_CLIENT_ID: '1' }))).toThrow(/SLACK_CLIENT_SECRET is not set/);
  });

  it('runs over HTTP with the signing secret and no single token', () => {
    const config = slackConfigFrom(readEnv({ ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: key(), SLACK_SIGNING_SECRET: 's' }));
    expect(config.mode).toBe('oauth');
  });

  it('names what does not go with the install into many workspaces', () => {
    const base = { ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: key() };
    expect(() => slackConfigFrom(readEnv(base))).toThrow(/SLACK_SIGNING_SECRET is not set/);
    expect(() => slackConfigFrom(readEnv({ ...base, SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }))).toThrow(/SLACK_BOT_TOKEN is set together with SLACK_CLIENT_ID/);
    expect(() => slackConfigFrom(readEnv({ ...base, SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' }))).toThrow(/SLACK_APP_TOKEN is set together with SLACK_CLIENT_ID: .*HTTP only/);
  });

  it('stops start-up with an error naming SLACK_TOKEN_ENCRYPTION_KEY, before serving anything', async () => {
    const store = await openStateStore({ dataDir: ':memory:' });
    try {
      const env = readEnv({ ...oauth, SLACK_SIGNING_SECRET: 's', SLACK_TOKEN_ENCRYPTION_KEY: 'not-a-key', PORT: '0', LOG_LEVEL: 'silent' });
      const started = startSlack({ core: await testCore(), env, store, host: '127.0.0.1' });
      await expect(started).rejects.toBeInstanceOf(ConfigError);
      await expect(started).rejects.toThrow(/SLACK_TOKEN_ENCRYPTION_KEY is malformed/);
    } finally {
      await store.close();
    }
  });
});
