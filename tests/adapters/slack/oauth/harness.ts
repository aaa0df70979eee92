import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSlack, type RunningSlack } from '../../../../src/adapters/slack/index.ts';
import { readEnv, type Env } from '../../../../src/config/env.ts';
import type { GomezCore } from '../../../../src/core.ts';
import { setLogLevel } from '../../../../src/log.ts';
import { openStateStore } from '../../../../src/store/open-state.ts';
import type { StateStore } from '../../../../src/store/state.ts';
import { FakeSlack, SlackRequester, type FakeWorkspace } from '../../../fakes/slack/index.ts';
import { SIGNING_SECRET } from '../harness.ts';
import { testCore } from '../test-core.ts';

export const CLIENT_ID = '1111.2222';
export const CLIENT_SECRET = 'fake-client-secret';
export const STATE_SECRET = 'a-state-secret-for-the-tests';

/** Two workspaces of the fake Slack, with the same kinds of ids (tests reuse channel and user ids in both). */
export const WORKSPACE_A: FakeWorkspace = { teamId: 'T0AAA', teamName: 'Alpha', botToken: 'xoxb-alpha-bot-token-0001', botUserId: 'UBOTALPHA', botId: 'BALPHA' };
export const WORKSPACE_B: FakeWorkspace = { teamId: 'T0BBB', teamName: 'Beta', botToken: 'xoxb-beta-bot-token-0002', botUserId: 'UBOTBETA', botId: 'BBETA' };

/**
 * The real Bolt app in many-workspace mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET,
 * SLACK_TOKEN_ENCRYPTION_KEY; no SLACK_BOT_TOKEN) on 127.0.0.1, with the state store in a SQLite file
 * under DATA_DIR, against a fake Slack that is also the OAuth server and knows two workspaces.
 */
export interface OAuthHarness {
  fake: FakeSlack;
  slack: RunningSlack;
  store: StateStore;
  core: GomezCore;
  env: Env;
  dataDir: string;
  baseUrl: string;
  /** Signed requests from inside one workspace (its team id, its bot user in mentions). */
  from(workspace: FakeWorkspace): SlackRequester;
  /** Installs the app into `workspace` through the real flow; resolves with the final page. */
  install(workspace: FakeWorkspace): Promise<InstallResult>;
  close(): Promise<void>;
}

export interface InstallResult {
  /** Where /slack/install sent the browser (the fake's consent page). */
  authorizeUrl: URL;
  /** The state cookie /slack/install set. */
  stateCookie: string;
  /** Status and body of /slack/oauth_redirect. */
  status: number;
  page: string;
}

/**
 * `databaseUrl` + `schema`: the state store on PostgreSQL (in that schema) instead of the SQLite file.
 */
export async function startOAuthHarness(
  options: { core?: GomezCore; env?: Record<string, string>; postgres?: { databaseUrl: string; schema: string } } = {},
): Promise<OAuthHarness> {
  setLogLevel(process.env.SLACK_TEST_LOG ? 'debug' : 'silent');
  const dataDir = mkdtempSync(join(tmpdir(), 'gomez-slack-oauth-'));
  const fake = await FakeSlack.start();
  fake.addWorkspace(WORKSPACE_A);
  fake.addWorkspace(WORKSPACE_B);
  const core = options.core ?? (await testCore());
  const env = readEnv({
    SLACK_CLIENT_ID: CLIENT_ID,
    SLACK_CLIENT_SECRET: CLIENT_SECRET,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const store = await openStateStore(
    options.postgres ? { dataDir, databaseUrl: options.postgres.databaseUrl, schema: options.postgres.schema, postgres: { max: 4 } } : { dataDir },
  );
  const slack = await startSlack({ core, env, store, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${slack.port}`;
  // The app's redirect URL as its manifest would name it (oauth_config.redirect_urls).
  fake.enableOAuth({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUrl: `${baseUrl}/slack/oauth_redirect` });
  return {
    fake,
    slack,
    store,
    core,
    env,
    dataDir,
    baseUrl,
    from: (workspace) => new SlackRequester(baseUrl, SIGNING_SECRET, fake, { teamId: workspace.teamId, botUserId: workspace.botUserId }),
    install: (workspace) => installThroughBrowser(baseUrl, workspace),
    async close() {
      await slack.stop();
      await store.close();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What a browser does: open /slack/install (a redirect to Slack's consent page, with the state cookie),
 * approve for one workspace (`team=`), follow Slack's redirect back to /slack/oauth_redirect with the
 * code and state, carrying the cookie.
 */
async function installThroughBrowser(baseUrl: string, workspace: FakeWorkspace): Promise<InstallResult> {
  const start = await fetch(`${baseUrl}/slack/install`, { redirect: 'manual' });
  if (start.status !== 302) throw new Error(`/slack/install answered ${start.status}`);
  const authorizeUrl = new URL(start.headers.get('location') ?? '');
  const stateCookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const consentUrl = new URL(authorizeUrl);
  consentUrl.searchParams.set('team', workspace.teamId);
  const consent = await fetch(consentUrl, { redirect: 'manual' });
  if (consent.status !== 302) throw new Error(`the consent page answered ${consent.status}`);
  const back = await fetch(consent.headers.get('location') ?? '', { headers: { cookie: stateCookie }, redirect: 'manual' });
  return { authorizeUrl, stateCookie, status: back.status, page: await back.text() };
}
