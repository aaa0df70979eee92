import { startSlack, type RunningSlack } from '../../../src/adapters/slack/index.ts';
import { readEnv, type Env } from '../../../src/config/env.ts';
import type { GomezCore } from '../../../src/core.ts';
import { setLogLevel } from '../../../src/log.ts';
import type { StateStore } from '../../../src/store/state.ts';
import { FakeSlack, SlackRequester } from '../../fakes/slack/index.ts';
import { createTestState } from '../../store/test-store.ts';
import { testCore } from './test-core.ts';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-fake-bot-token';

/** The real Bolt app (HTTP receiver on 127.0.0.1, random port) wired to the fake Slack Web API. */
export interface Harness {
  fake: FakeSlack;
  slack: RunningSlack;
  slackRequests: SlackRequester;
  /** The bot's state on this run's engine (tests/store/test-store.ts). */
  store: StateStore;
  core: GomezCore;
  env: Env;
  /** Stops the app and closes the store, then starts both again on the same state. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: { core?: GomezCore; env?: Record<string, string> } = {}): Promise<Harness> {
  setLogLevel(process.env.SLACK_TEST_LOG ? 'debug' : 'silent');
  const state = await createTestState({ prefix: 'gomez-slack-' });
  const fake = await FakeSlack.start();
  const core = options.core ?? (await testCore());
  const env = readEnv({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    ...state.env,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const open = async () => {
    const store = await state.open();
    const slack = await startSlack({ core, env, store, host: '127.0.0.1' });
    return { store, slack, slackRequests: new SlackRequester(`http://127.0.0.1:${slack.port}`, SIGNING_SECRET, fake) };
  };
  const harness: Harness = {
    fake,
    core,
    env,
    ...(await open()),
    async restart() {
      await harness.slack.stop();
      await harness.store.close();
      Object.assign(harness, await open());
    },
    async close() {
      await harness.slack.stop();
      await fake.close();
      await state.dispose();
    },
  };
  return harness;
}
