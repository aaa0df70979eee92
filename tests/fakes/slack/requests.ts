import { createHmac, randomUUID } from 'node:crypto';
import { FAKE_BOT, type FakeSlack } from './web-api.ts';

/**
 * Sends requests to a running Bolt HTTP receiver the way Slack does: signed with the app's signing
 * secret (v0 HMAC-SHA256 of `v0:<timestamp>:<body>`), as Events API JSON, slash-command forms or
 * block_actions forms, with optional retry headers. response_url fields point at the fake Slack.
 */

export interface SendOptions {
  /** Request timestamp in seconds (default: now). */
  timestamp?: number;
  /** Override the signature (e.g. a wrong one). */
  signature?: string;
  retryNum?: number;
  retryReason?: string;
}

export interface SlackResponse {
  status: number;
  text: string;
}

export interface EventOptions extends SendOptions {
  eventId?: string;
}

/** The workspace requests come from, and its bot user (mentions name it). */
export interface SenderWorkspace {
  teamId: string;
  botUserId: string;
}

export class SlackRequester {
  constructor(
    /** e.g. http://127.0.0.1:PORT (the receiver's /slack/events is appended). */
    private readonly baseUrl: string,
    private readonly signingSecret: string,
    private readonly fake: FakeSlack,
    /** Default: the fake's own workspace (FAKE_BOT); another one for an app installed in many. */
    private readonly workspace: SenderWorkspace = { teamId: FAKE_BOT.teamId, botUserId: FAKE_BOT.userId },
  ) {}

  sign(body: string, timestamp: number): string {
    return `v0=${createHmac('sha256', this.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  }

  async send(body: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? this.sign(body, timestamp),
    };
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
    }
    const response = await fetch(`${this.baseUrl}/slack/events`, { method: 'POST', headers, body });
    return { status: response.status, text: await response.text() };
  }

  /** An Events API `event_callback` wrapping `event`; returns the response and the event_id used. */
  async event(event: Record<string, unknown>, options: EventOptions = {}): Promise<SlackResponse & { eventId: string }> {
    const eventId = options.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
    const body = JSON.stringify({
      token: 'legacy-verification-token',
      team_id: this.workspace.teamId,
      api_app_id: 'AFAKEAPP',
      event: { event_ts: event.ts, ...event },
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: this.workspace.teamId, user_id: this.workspace.botUserId, is_bot: true, is_enterprise_install: false }],
    });
    return { ...(await this.send(body, 'application/json', options)), eventId };
  }

  /** `@bot <text>` in a channel (optionally inside a thread). */
  mention(input: { text: string; user?: string; channel?: string; ts?: string; threadTs?: string }, options: EventOptions = {}) {
    return this.event(
      {
        type: 'app_mention',
        user: input.user ?? 'UALICE',
        text: `<@${this.workspace.botUserId}> ${input.text}`,
        ts: input.ts ?? newTs(),
        channel: input.channel ?? 'CGENERAL',
        ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      },
      options,
    );
  }

  /** A plain `message` event (channel message, thread reply or DM with channelType 'im'). */
  message(
    input: { text: string; user?: string; channel?: string; ts?: string; threadTs?: string; channelType?: string; subtype?: string; botId?: string },
    options: EventOptions = {},
  ) {
    return this.event(
      {
        type: 'message',
        text: input.text,
        ts: input.ts ?? newTs(),
        channel: input.channel ?? 'CGENERAL',
        channel_type: input.channelType ?? 'channel',
        ...(input.user !== null ? { user: input.user ?? 'UALICE' } : {}),
        ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
        ...(input.subtype ? { subtype: input.subtype } : {}),
        ...(input.botId ? { bot_id: input.botId } : {}),
      },
      options,
    );
  }

  /** A slash command (`/gomez <text>` by default); returns the response and the response_url used. */
  async command(text: string, input: { user?: string; channel?: string; command?: string } = {}, options: SendOptions = {}) {
    const responseUrl = this.fake.responseUrl();
    const form = new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: this.workspace.teamId,
      team_domain: 'fake',
      channel_id: input.channel ?? 'CGENERAL',
      channel_name: 'general',
      user_id: input.user ?? 'UALICE',
      user_name: 'alice',
      command: input.command ?? '/gomez',
      text,
      api_app_id: 'AFAKEAPP',
      response_url: responseUrl,
      trigger_id: `trigger-${randomUUID()}`,
    });
    return { ...(await this.send(form.toString(), 'application/x-www-form-urlencoded', options)), responseUrl };
  }

  /** A button click (block_actions) on a message the bot posted. */
  async click(
    input: { actionId: string; value: string; user?: string; channel?: string; messageTs: string; blockId?: string },
    options: SendOptions = {},
  ) {
    const responseUrl = this.fake.responseUrl();
    const payload = {
      type: 'block_actions',
      user: { id: input.user ?? 'UALICE', username: 'alice', team_id: this.workspace.teamId },
      api_app_id: 'AFAKEAPP',
      token: 'legacy-verification-token',
      container: { type: 'message', message_ts: input.messageTs, channel_id: input.channel ?? 'CGENERAL', is_ephemeral: false },
      trigger_id: `trigger-${randomUUID()}`,
      team: { id: this.workspace.teamId, domain: 'fake' },
      channel: { id: input.channel ?? 'CGENERAL', name: 'general' },
      message: { type: 'message', ts: input.messageTs, user: this.workspace.botUserId, bot_id: FAKE_BOT.botId, text: '' },
      response_url: responseUrl,
      actions: [
        {
          type: 'button',
          action_id: input.actionId,
          block_id: input.blockId ?? 'gomez_answer_actions',
          value: input.value,
          action_ts: String(Date.now() / 1000),
        },
      ],
    };
    const form = new URLSearchParams({ payload: JSON.stringify(payload) });
    return { ...(await this.send(form.toString(), 'application/x-www-form-urlencoded', options)), responseUrl };
  }

  /** The url_verification handshake Slack sends when the Request URL is saved. */
  urlVerification(challenge: string, options: SendOptions = {}): Promise<SlackResponse> {
    const body = JSON.stringify({ token: 'legacy-verification-token', challenge, type: 'url_verification' });
    return this.send(body, 'application/json', options);
  }
}

let lastTs = 1_710_000_000_000_000;
/** A unique Slack-style message ts ("1710000000.000100"). */
export function newTs(): string {
  lastTs += 100;
  const digits = String(lastTs);
  return `${digits.slice(0, 10)}.${digits.slice(10)}`;
}
