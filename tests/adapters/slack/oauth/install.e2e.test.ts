import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackDigestRunner } from '../../../../src/adapters/slack/digest-poster.ts';
import { messageKey } from '../../../../src/adapters/slack/leased-reply.ts';
import { BOT_SCOPES } from '../../../../src/adapters/slack/oauth/scopes.ts';
import type { ConversationTurn } from '../../../../src/core.ts';
import { channelQuestions } from '../../../../src/store/channel-questions.ts';
import { newTs, type FakeWorkspace } from '../../../fakes/slack/index.ts';
import { CLIENT_ID, startOAuthHarness, WORKSPACE_A, WORKSPACE_B, type OAuthHarness } from './harness.ts';

/**
 * The Slack app installed into many workspaces, end to end: the real Bolt app and its installer, the
 * browser's way through /slack/install and /slack/oauth_redirect, signed events from two workspaces of
 * the fake Slack, and what was posted with which token.
 */
describe('Slack OAuth install into many workspaces (real Bolt app, fake Slack)', () => {
  let h: OAuthHarness;
  beforeEach(async () => {
    h = await startOAuthHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const postsWith = (workspace: FakeWorkspace) => h.fake.posts.filter((c) => c.token === workspace.botToken);

  it('installs into two workspaces through /slack/install and /slack/oauth_redirect', async () => {
    const a = await h.install(WORKSPACE_A);
    // /slack/install sent the browser to Slack's consent page with the app, its scopes and a state,
    // and set the same state in a cookie.
    expect(`${a.authorizeUrl.origin}${a.authorizeUrl.pathname}`).toBe(`${h.fake.baseUrl}/oauth/v2/authorize`);
    expect(a.authorizeUrl.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(a.authorizeUrl.searchParams.get('scope')?.split(',').sort()).toEqual([...BOT_SCOPES].sort());
    const state = a.authorizeUrl.searchParams.get('state');
    expect(state).toBeTruthy();
    expect(a.stateCookie).toBe(`slack-app-oauth-state=${state}`);
    expect(a.status).toBe(200);
    expect(a.page).toContain('Thank you!');

    const b = await h.install(WORKSPACE_B);
    expect(b.status).toBe(200);
    // Each code was traded once with the app's credentials.
    const exchanges = h.fake.callsTo('oauth.v2.access');
    expect(exchanges).toHaveLength(2);
    expect(exchanges.map((c) => c.args.client_id)).toEqual([CLIENT_ID, CLIENT_ID]);
    expect(exchanges.map((c) => String(c.args.code).split('-')[1])).toEqual(['T0AAA', 'T0BBB']);
    expect(await h.store.slackInstallations.keys()).toEqual(['T:T0AAA', 'T:T0BBB']);
  });

  it('refuses a redirect whose state is not the browser\'s (no cookie, or another session\'s): nothing is installed', async () => {
    const start = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
    const authorize = new URL(start.headers.get('location')!);
    authorize.searchParams.set('team', WORKSPACE_A.teamId);
    const consent = await fetch(authorize, { redirect: 'manual' });
    // Slack's redirect back, opened without the state cookie (a link forged for someone else's browser).
    const back = await fetch(consent.headers.get('location')!, { redirect: 'manual' });
    expect(back.status).toBeGreaterThanOrEqual(400);
    expect(h.fake.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await h.store.slackInstallations.keys()).toEqual([]);
    // POST is not how browsers come back: refused before Bolt.
    expect((await fetch(`${h.baseUrl}/slack/oauth_redirect`, { method: 'POST' })).status).toBe(405);
  });

  it('answers a mention in each workspace with that workspace\'s token, and none before the install', async () => {
    await h.from(WORKSPACE_A).mention({ text: 'What did Gomez say about synthetic data?', channel: 'CGENERAL' });
    await h.slack.idle();
    expect(h.fake.posts).toHaveLength(0);

    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    const tsA = newTs();
    const tsB = newTs();
    await h.from(WORKSPACE_A).mention({ text: 'What did Gomez say about synthetic data?', channel: 'CGENERAL', ts: tsA });
    await h.from(WORKSPACE_B).mention({ text: 'What did Gomez say about data quality?', channel: 'CGENERAL', ts: tsB });
    await h.slack.idle();
    expect(postsWith(WORKSPACE_A).map((c) => c.args.thread_ts)).toEqual([tsA]);
    expect(postsWith(WORKSPACE_B).map((c) => c.args.thread_ts)).toEqual([tsB]);
    expect(h.fake.posts).toHaveLength(2);
    // Each workspace's bot mention was recognised and removed: the echoed question is the question.
    const [postA] = postsWith(WORKSPACE_A);
    expect(JSON.stringify(postA!.args.blocks)).not.toContain('UBOTALPHA');
    expect(JSON.stringify(postA!.args.blocks)).toContain('synthetic data');
  });

  it('app_uninstalled in one workspace deletes its tokens and stops its digests; the other keeps working', async () => {
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    await h.from(WORKSPACE_A).command('digest subscribe daily 09:00 UTC', { channel: 'CNEWSA' });
    await h.from(WORKSPACE_B).command('digest subscribe daily 09:00 UTC', { channel: 'CNEWSB' });
    await h.slack.idle();
    expect((await h.store.digests.list('slack')).map((s) => [s.channelId, s.workspaceId, s.active])).toEqual([
      ['CNEWSA', 'T0AAA', true],
      ['CNEWSB', 'T0BBB', true],
    ]);

    // Slack revokes the tokens and tells the app, without an authorization it could check.
    h.fake.revoke(WORKSPACE_A.botToken);
    expect((await h.from(WORKSPACE_A).event({ type: 'app_uninstalled' })).status).toBe(200);
    await h.slack.idle();
    expect(await h.store.slackInstallations.keys()).toEqual(['T:T0BBB']);
    const subscriptions = await h.store.digests.list('slack');
    expect(subscriptions.find((s) => s.channelId === 'CNEWSA')).toMatchObject({ active: false, disabledReason: 'app_uninstalled' });
    expect(subscriptions.find((s) => s.channelId === 'CNEWSB')).toMatchObject({ active: true });

    const before = h.fake.calls.length;
    await h.from(WORKSPACE_A).mention({ text: 'What did Gomez say about synthetic data?' });
    await h.from(WORKSPACE_B).mention({ text: 'What did Gomez say about synthetic data?' });
    await h.slack.idle();
    // The uninstalled workspace gets nothing (no token to answer with); the other is answered with its own.
    expect(h.fake.calls.slice(before).filter((c) => c.token === WORKSPACE_A.botToken)).toEqual([]);
    expect(postsWith(WORKSPACE_B)).toHaveLength(1);
  });

  it('tokens_revoked for the bot does the same; revoked user tokens alone change nothing', async () => {
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    await h.from(WORKSPACE_B).event({ type: 'tokens_revoked', tokens: { oauth: ['UINSTALLER'] } });
    await h.slack.idle();
    expect(await h.store.slackInstallations.keys()).toEqual(['T:T0AAA', 'T:T0BBB']);

    await h.from(WORKSPACE_B).command('digest subscribe weekly 10:00 UTC', { channel: 'CNEWSB' });
    await h.from(WORKSPACE_B).event({ type: 'tokens_revoked', tokens: { bot: [WORKSPACE_B.botUserId] } });
    await h.slack.idle();
    expect(await h.store.slackInstallations.keys()).toEqual(['T:T0AAA']);
    expect(await h.store.digests.forChannel('slack', 'CNEWSB')).toMatchObject({ active: false, disabledReason: 'tokens_revoked' });

    await h.from(WORKSPACE_A).mention({ text: 'What did Gomez say about data quality?' });
    await h.slack.idle();
    expect(postsWith(WORKSPACE_A)).toHaveLength(1);
  });

  it('keeps no token readable in the SQLite file or its WAL', async () => {
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    const files = readdirSync(h.dataDir).filter((f) => f.startsWith('gomez.sqlite'));
    expect(files).toEqual(expect.arrayContaining(['gomez.sqlite', 'gomez.sqlite-wal']));
    let all = '';
    for (const file of files) {
      const bytes = readFileSync(join(h.dataDir, file)).toString('latin1');
      all += bytes;
      for (const token of [WORKSPACE_A.botToken, WORKSPACE_B.botToken, 'xoxb-']) expect(bytes, file).not.toContain(token);
    }
    // The rows are there (ids plain), only sealed.
    expect(all).toContain('T:T0AAA');
    expect(all).toContain('T:T0BBB');
  });

  it('never continues a thread of workspace B in workspace A, with the same channel, user and thread ids', async () => {
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    const histories: Array<{ question: string; history: ConversationTurn[] }> = [];
    const ask = h.core.ask.bind(h.core);
    h.core.ask = async (question, options) => {
      histories.push({ question, history: options?.history ?? [] });
      return ask(question, options);
    };
    const thread = newTs();
    // Workspace B: alice asks in #general, thread `thread`.
    await h.from(WORKSPACE_B).mention({ text: 'What did Gomez say about synthetic data?', channel: 'CGENERAL', user: 'UALICE', ts: thread });
    await h.slack.idle();
    expect(postsWith(WORKSPACE_B)).toHaveLength(1);

    // Workspace A, same ids: an unmentioned reply in "that" thread is not a follow-up there…
    await h.from(WORKSPACE_A).message({ text: 'and why is that?', channel: 'CGENERAL', user: 'UALICE', threadTs: thread });
    await h.slack.idle();
    expect(postsWith(WORKSPACE_A)).toHaveLength(0);
    // …and a mention with the very same message ts is a new question with no context, answered in A.
    await h.from(WORKSPACE_A).mention({ text: 'and why is that?', channel: 'CGENERAL', user: 'UALICE', ts: thread });
    await h.slack.idle();
    expect(postsWith(WORKSPACE_A)).toHaveLength(1);
    expect(histories.find((h) => h.question === 'and why is that?')?.history).toEqual([]);

    // In B the follow-up does continue B's own thread.
    await h.from(WORKSPACE_B).message({ text: 'and why is that?', channel: 'CGENERAL', user: 'UALICE', threadTs: thread });
    await h.slack.idle();
    expect(postsWith(WORKSPACE_B)).toHaveLength(2);
    expect(histories.at(-1)?.history).toEqual([expect.objectContaining({ question: 'What did Gomez say about synthetic data?' })]);
    // Keys carry the workspace.
    expect(await h.store.conversations.has(`slack@T0BBB:CGENERAL:${thread}`)).toBe(true);
    expect(await h.store.conversations.has(`slack@T0AAA:CGENERAL:${thread}`)).toBe(true);
    expect(await h.store.conversations.has(`slack:CGENERAL:${thread}`)).toBe(false);
  });

  it('recaps a channel with its own workspace\'s questions only', async () => {
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    const since = new Date(Date.now() - 60_000);
    await h.from(WORKSPACE_A).mention({ text: 'What did Gomez say about synthetic data?', channel: 'CGENERAL' });
    await h.from(WORKSPACE_B).mention({ text: 'What did Gomez say about data quality?', channel: 'CGENERAL' });
    await h.slack.idle();
    const until = new Date(Date.now() + 60_000);
    const asked = async (workspace: string) =>
      (await channelQuestions(h.store.conversations, { platform: 'slack', channelId: 'CGENERAL', workspace }, since, until)).map((q) => q.question);
    expect(await asked('T0AAA')).toEqual(['What did Gomez say about synthetic data?']);
    expect(await asked('T0BBB')).toEqual(['What did Gomez say about data quality?']);
    // /gomez recap reads the same place and posts with the workspace's token.
    await h.from(WORKSPACE_A).command('recap', { channel: 'CGENERAL' });
    await h.slack.idle();
    expect(postsWith(WORKSPACE_A).filter((c) => c.args.thread_ts === undefined)).toHaveLength(1);
  });

  it('counts the rate limit per workspace: the same user id in another workspace is someone else', async () => {
    await h.close();
    h = await startOAuthHarness({ env: { RATE_LIMIT_PER_MINUTE: '1' } });
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    await h.from(WORKSPACE_A).mention({ text: 'What did Gomez say about synthetic data?', user: 'UALICE' });
    await h.from(WORKSPACE_B).mention({ text: 'What did Gomez say about synthetic data?', user: 'UALICE' });
    await h.slack.idle();
    expect(postsWith(WORKSPACE_A)).toHaveLength(1);
    expect(postsWith(WORKSPACE_B)).toHaveLength(1);
    // A second question from alice in A is over A's limit: a private notice, no answer.
    await h.from(WORKSPACE_A).mention({ text: 'What did Gomez say about data quality?', user: 'UALICE' });
    await h.slack.idle();
    expect(postsWith(WORKSPACE_A)).toHaveLength(1);
    const notices = h.fake.callsTo('chat.postEphemeral').filter((c) => c.token === WORKSPACE_A.botToken);
    expect(notices).toHaveLength(1);
    expect(String(notices[0]!.args.text)).toMatch(/try again/i);
  });

  it('records votes per workspace', async () => {
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    await h.from(WORKSPACE_A).mention({ text: 'What did Gomez say about synthetic data?', user: 'UALICE' });
    await h.slack.idle();
    // The buttons under the answer carry its id.
    const answerId = /"value":"([^"]+)"/.exec(JSON.stringify(postsWith(WORKSPACE_A)[0]!.args.blocks))?.[1];
    expect(answerId).toBeTruthy();
    await h.from(WORKSPACE_A).click({ actionId: 'gomez_feedback_down', value: answerId!, user: 'UALICE', messageTs: String(postsWith(WORKSPACE_A)[0]!.result?.ts) });
    await h.slack.idle();
    const report = await h.store.feedback.report(10);
    expect(report.answers).toEqual([expect.objectContaining({ answerId, down: 1 })]);
    expect((await h.store.questions.downVotes({ since: new Date(0), until: new Date(Date.now() + 60_000) })).map((v) => v.userId)).toEqual(['T0AAA:UALICE']);
  });

  it('finishes a dead replica\'s answer with the token of the message\'s workspace, and drops one of an uninstalled workspace', async () => {
    await h.close();
    h = await startOAuthHarness({ env: { DELIVERY_LEASE_SECONDS: '1' } });
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    // What a replica that died mid-answer left: a claimed message of workspace B whose lease ran out,
    // with the placeholder it had posted; and one of workspace A, which then uninstalled the app.
    const long = new Date(Date.now() - 60_000);
    const leftBehind = async (workspace: FakeWorkspace, channel: string) => {
      const ts = newTs();
      const key = messageKey(channel, ts, workspace.teamId);
      const payload = {
        userId: 'UALICE',
        text: 'What did Gomez say about synthetic data?',
        channel,
        threadTs: ts,
        ts,
        conversation: `slack@${workspace.teamId}:${channel}:${ts}`,
        delivery: 'mention',
        teamId: workspace.teamId,
        workspace: workspace.teamId,
      };
      await h.store.deliveries.claim({ key, platform: 'slack', owner: 'dead-replica', leaseMs: 1_000, payload }, long);
      return { key, ts };
    };
    await h.from(WORKSPACE_A).event({ type: 'app_uninstalled' });
    await h.slack.idle();
    const gone = await leftBehind(WORKSPACE_A, 'CGONE');
    const dead = await leftBehind(WORKSPACE_B, 'CDEAD');
    const placeholderTs = newTs();
    await h.store.deliveries.setPlaceholder(dead.key, 'dead-replica', { ts: placeholderTs }, long);

    // The app's sweeper takes both over: B's answer goes into B's placeholder, with B's token.
    await h.fake.waitUntil(() => h.fake.callsTo('chat.update').some((c) => c.args.ts === placeholderTs));
    const update = h.fake.callsTo('chat.update').find((c) => c.args.ts === placeholderTs)!;
    expect(update.token).toBe(WORKSPACE_B.botToken);
    expect(update.args.channel).toBe('CDEAD');
    await until(async () => (await h.store.deliveries.get(gone.key))?.state === 'failed');
    expect(h.fake.calls.filter((c) => c.args.channel === 'CGONE')).toEqual([]);
  });

  it('posts each scheduled digest with the token of its subscription\'s workspace', async () => {
    await h.install(WORKSPACE_A);
    await h.install(WORKSPACE_B);
    await h.from(WORKSPACE_A).command('digest subscribe daily 09:00 UTC', { channel: 'CNEWSA' });
    await h.from(WORKSPACE_B).command('digest subscribe daily 09:00 UTC', { channel: 'CNEWSB' });
    await h.slack.idle();
    const due = new Date(Math.max(...(await h.store.digests.list('slack')).map((s) => Date.parse(s.nextDueAt))) + 60_000);
    const runner = createSlackDigestRunner({ workspaces: h.slack.workspaces, core: h.core, store: h.store, clock: () => due });
    const report = await runner.tick();
    expect(report.posted).toHaveLength(2);
    expect(postsWith(WORKSPACE_A).map((c) => c.args.channel)).toEqual(['CNEWSA']);
    expect(postsWith(WORKSPACE_B).map((c) => c.args.channel)).toEqual(['CNEWSB']);
  });
});

/** Waits (no time limit of its own: the test's timeout bounds it) until `test` holds. */
async function until(test: () => Promise<boolean>): Promise<void> {
  while (!(await test())) await new Promise((resolve) => setTimeout(resolve, 50));
}
