import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../src/adapters/discord/index.ts';
import { readEnv } from '../../../src/config/env.ts';
import { ConfigError } from '../../../src/errors.ts';
import { setLogLevel } from '../../../src/log.ts';
import { openStateStore } from '../../../src/store/open-state.ts';
import { FakeDiscord } from '../../fakes/discord/server.ts';
import { coreDouble, loadRepoCorpus } from './core-double.ts';

setLogLevel('silent');
const core = coreDouble(loadRepoCorpus());
// Login fails before anything is stored, so these run on SQLite only (not part of the postgres project).
const store = await openStateStore({ dataDir: ':memory:' });
afterAll(() => store.close());

describe('Discord login failures name DISCORD_TOKEN', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('refuses to start without DISCORD_TOKEN, contacting nothing', async () => {
    fake = await FakeDiscord.start();
    const env = readEnv({ DISCORD_API_URL: fake.apiUrl });
    const start = startDiscord({ core, env, store });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(/DISCORD_TOKEN is not set/);
    expect(fake.calls).toEqual([]);
  });

  it('turns a 401 from Discord into a ConfigError naming DISCORD_TOKEN', async () => {
    fake = await FakeDiscord.start();
    const env = readEnv({ DISCORD_TOKEN: 'not-the-right-token', DISCORD_API_URL: fake.apiUrl });
    const start = startDiscord({ core, env, store });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(/DISCORD_TOKEN was rejected/);
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toContain('GET /gateway/bot');
    expect(JSON.stringify(fake.calls)).not.toContain('"not-the-right-token"');
  });

  it('also when the gateway refuses the IDENTIFY (close code 4004)', async () => {
    fake = await FakeDiscord.start();
    fake.rejectNextIdentify = true;
    const env = readEnv({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    await expect(startDiscord({ core, env, store })).rejects.toThrow(/DISCORD_TOKEN was rejected/);
  });
});
