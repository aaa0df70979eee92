import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type RunningSlack } from '../../../src/adapters/slack/index.ts';
import { readEnv } from '../../../src/config/env.ts';
import type { GomezCore } from '../../../src/core.ts';
import { ConfigError } from '../../../src/errors.ts';
import { setLogLevel } from '../../../src/log.ts';
import type { StateStore } from '../../../src/store/state.ts';
import { FakeSlack, FakeSocketMode, newTs } from '../../fakes/slack/index.ts';
import { openTestStore } from '../../store/test-store.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './harness.ts';
import { testCore } from './test-core.ts';
import { quotedLines } from './blocks.ts';

const APP_TOKEN = 'xapp-1-fake-app-token';

describe('startSlack: configuration, token check and Socket Mode', () => {
  let core: GomezCore;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    setLogLevel('silent');
    core = await testCore();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function fakeSlack(): Promise<FakeSlack> {
    const fake = await FakeSlack.start();
    cleanups.push(() => fake.close());
    return fake;
  }

  async function store(): Promise<StateStore> {
    const s = await openTestStore();
    cleanups.push(() => s.close());
    return s;
  }

  async function start(vars: Record<string, string>): Promise<RunningSlack> {
    const slack = await startSlack({ core, env: readEnv({ PORT: '0', LOG_LEVEL: 'silent', ...vars }), store: await store(), host: '127.0.0.1' });
    cleanups.push(() => slack.stop());
    return slack;
  }

  it('refuses to start without SLACK_BOT_TOKEN, naming it', async () => {
    const fake = await fakeSlack();
    const attempt = start({ SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/SLACK_BOT_TOKEN/);
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses to start over HTTP without SLACK_SIGNING_SECRET, naming it', async () => {
    const fake = await fakeSlack();
    const attempt = start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: fake.apiUrl });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('refuses a bot token Slack rejects (invalid_auth), naming SLACK_BOT_TOKEN, and serves nothing', async () => {
    const fake = await fakeSlack();
    const attempt = start({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/SLACK_BOT_TOKEN.*invalid_auth/);
    expect(fake.callsTo('auth.test')).toHaveLength(1);
  });

  it('refuses an app-level token in SLACK_BOT_TOKEN', async () => {
    await expect(start({ SLACK_BOT_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET })).rejects.toThrow(/SLACK_BOT_TOKEN/);
  });

  it('runs in Socket Mode when SLACK_APP_TOKEN is set: a mention over the socket is answered in its thread', async () => {
    const fake = await fakeSlack();
    const socket = await FakeSocketMode.start(fake, APP_TOKEN);
    cleanups.push(() => socket.close());
    const slack = await start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
    expect(fake.callsTo('apps.connections.open')).toHaveLength(1);

    const ts = newTs();
    await socket.sendEvent({ type: 'app_mention', user: 'UALICE', text: '<@UBOTVERBATIM> What did he say about scale?', ts, channel: 'CGENERAL' });
    await fake.waitForCall('chat.postMessage');
    await slack.idle();
    expect(fake.posts).toHaveLength(1);
    expect(fake.posts[0]!.args.thread_ts).toBe(ts);
    expect(quotedLines(fake.posts[0]!.args.blocks).length).toBeGreaterThan(0);

    const health = await fetch(`http://127.0.0.1:${slack.port}/healthz`);
    expect(await health.text()).toBe('ok');
  });

  it('refuses an app-level token Slack rejects, naming SLACK_APP_TOKEN', async () => {
    const fake = await fakeSlack();
    const attempt = start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-revoked', SLACK_API_URL: fake.apiUrl });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/SLACK_APP_TOKEN/);
  });
});
