import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newTs } from '../../fakes/slack/index.ts';
import { startHarness, type Harness } from './harness.ts';

/** Broadcast and mention syntax that must never reach Slack un-neutralised. */
const PINGS = [/<!channel>/, /<!here>/, /<!everyone>/, /<!subteam\^/, /<@U[A-Z0-9]+>/, /(?<!@\u2060)@(channel|here|everyone)\b/];

function expectNoPings(sent: string): void {
  for (const ping of PINGS) expect(sent).not.toMatch(ping);
}

describe('Slack: nobody is pinged, errors are polite, users are rate limited', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  describe('with the default limit', () => {
    beforeEach(async () => {
      h = await startHarness();
    });

    it('a question containing <!channel>, <!here>, <!subteam^…> and user mentions produces no broadcast anywhere', async () => {
      const nasty = 'What did he say about data <!channel> <!here|here> <!everyone> <!subteam^S0123|@team> <@UCAROL> @channel?';
      await h.slackRequests.mention({ text: nasty });
      await h.slackRequests.command(nasty);
      await h.slackRequests.command(`quotes ${nasty}`);
      await h.slackRequests.message({ text: nasty, channel: 'DALICE', channelType: 'im' });
      // A refusal echoes the question too.
      await h.slackRequests.mention({ text: 'zzqx <!channel> qqzz' });
      await h.slack.idle();
      expect(h.fake.posts.length).toBe(5);
      const sent = h.fake.everythingSent();
      expectNoPings(sent);
      for (const post of h.fake.posts) {
        expect(post.args.link_names).toBeUndefined();
        expect(post.args.parse).toBeUndefined();
      }
    });

    it('an internal error gets a polite private reply, the detail stays in the log, and the app keeps serving', async () => {
      const ask = h.core.ask.bind(h.core);
      h.core.ask = async (question, options) => {
        if (question.includes('explode')) throw new Error('database at /var/secret/path is on fire');
        return ask(question, options);
      };
      const ts = newTs();
      await h.slackRequests.mention({ text: 'please explode', ts });
      await h.slack.idle();
      // Only the asker sees the notice; nothing is posted into the thread for everyone.
      expect(h.fake.posts).toHaveLength(0);
      const notice = h.fake.callsTo('chat.postEphemeral')[0]!;
      expect(notice.args).toMatchObject({ thread_ts: ts, user: 'UALICE' });
      expect(String(notice.args.text)).toMatch(/sorry/i);
      expect(h.fake.everythingSent()).not.toContain('/var/secret');

      await h.slackRequests.command('explode now');
      await h.slack.idle();
      expect(h.fake.responses.at(-1)!.body.response_type).toBe('ephemeral');
      expect(String(h.fake.responses.at(-1)!.body.text)).toMatch(/sorry/i);

      await h.slackRequests.mention({ text: 'What did he say about data quality?' });
      await h.slack.idle();
      expect(h.fake.posts).toHaveLength(1);
      expect(JSON.stringify(h.fake.posts[0]!.args.blocks)).toContain('Aidan Gomez');
    });

    it('keeps serving when posting the reply itself fails, and tells the asker privately', async () => {
      h.fake.fail('chat.postMessage', 'internal_error', { times: 1 });
      await h.slackRequests.mention({ text: 'What did he say about scale?' });
      await h.slack.idle();
      expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1);
      expect(String(h.fake.callsTo('chat.postEphemeral')[0]!.args.text)).toMatch(/couldn't post/);
      await h.slackRequests.mention({ text: 'What did he say about data quality?' });
      await h.slack.idle();
      expect(h.fake.posts).toHaveLength(2);
      expect(h.fake.posts[1]!.result?.ok).toBe(true);
    });
  });

  describe('with RATE_LIMIT_PER_MINUTE=2', () => {
    beforeEach(async () => {
      h = await startHarness({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    });

    it('answers two questions a minute per user, then replies politely; other users are unaffected', async () => {
      for (let i = 0; i < 3; i++) await h.slackRequests.mention({ text: `What did he say about scale? (${i})`, user: 'UALICE' });
      await h.slack.idle();
      // The third is refused privately: the thread does not see who asked too often.
      expect(h.fake.posts).toHaveLength(2);
      const notices = h.fake.callsTo('chat.postEphemeral');
      expect(notices).toHaveLength(1);
      expect(notices[0]!.args.user).toBe('UALICE');
      expect(String(notices[0]!.args.text)).toMatch(/try again in \d+ s/);

      await h.slackRequests.command('What did he say about scale?', { user: 'UALICE' });
      await h.slack.idle();
      expect(h.fake.posts).toHaveLength(2);
      expect(h.fake.responses.at(-1)!.body.response_type).toBe('ephemeral');
      expect(String(h.fake.responses.at(-1)!.body.text)).toMatch(/try again/);

      await h.slackRequests.mention({ text: 'What did he say about scale?', user: 'UBOB' });
      await h.slack.idle();
      expect(h.fake.posts).toHaveLength(3);
      expect(JSON.stringify(h.fake.posts[2]!.args.blocks)).toContain('Aidan Gomez');
    });
  });
});
