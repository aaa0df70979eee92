import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { readBodyText } from '../http.ts';

/**
 * A local stand-in for the Slack Web API (https://slack.com/api/) and for response_url endpoints, on
 * 127.0.0.1. It records every call so tests can assert what the bot posted, and can be told to fail a
 * method the way Slack does (`{ ok: false, error }`).
 *
 * Point the bot at it with SLACK_API_URL = fake.apiUrl; use fake.responseUrl() in slash-command and
 * block_actions payloads.
 *
 * Many workspaces (OAuth install): `addWorkspace` gives a workspace its own bot token and bot user;
 * `enableOAuth` makes the fake an app's OAuth server: GET /oauth/v2/authorize (Slack's consent page,
 * `team=` picks the workspace that approves) redirects to the app's redirect URL with a one-time code,
 * and oauth.v2.access trades that code for the workspace's bot token. auth.test answers per token, and
 * every call records the token it was made with.
 */

/** One Web API call as the bot made it; form values that hold JSON (blocks…) are decoded. */
export interface WebApiCall {
  method: string;
  token?: string;
  args: Record<string, unknown>;
  /** What the fake answered (e.g. the `ts` it gave a posted message). */
  result?: Record<string, unknown>;
}

/** One POST to a response_url. */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface FakeUser {
  id: string;
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

type Failure = { method: string; error: string; when: (args: Record<string, unknown>) => boolean; times: number };

export const FAKE_BOT = { userId: 'UBOTVERBATIM', botId: 'BVERBATIM', teamId: 'T0FAKE' } as const;

/** A workspace of the fake, with the bot token and bot user an install into it gets. */
export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  botId: string;
}

/** The app registered with the fake's OAuth server (Basic Information → App Credentials). */
export interface FakeOAuthApp {
  clientId: string;
  clientSecret: string;
  /** Where Slack sends the browser back (the manifest's oauth_config.redirect_urls). */
  redirectUrl: string;
}

/** One visit to the consent page, as the app sent the browser there. */
export interface AuthorizeVisit {
  clientId: string | null;
  scope: string | null;
  state: string | null;
  team: string | null;
}

export class FakeSlack {
  readonly calls: WebApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Bot tokens auth.test accepts; any other token gets invalid_auth. */
  readonly validTokens = new Set<string>(['xoxb-fake-bot-token']);
  readonly users = new Map<string, FakeUser>();
  /** App-level tokens apps.connections.open accepts (Socket Mode). */
  readonly validAppTokens = new Set<string>();
  /** URL apps.connections.open hands out (see FakeSocketMode). */
  socketUrl: string | undefined;
  /** Workspaces by team id (the default one, FAKE_BOT, answers to 'xoxb-fake-bot-token'). */
  readonly workspaces = new Map<string, FakeWorkspace>();
  readonly authorizeVisits: AuthorizeVisit[] = [];
  private oauthApp: FakeOAuthApp | undefined;
  /** One-time codes handed out by the consent page, by code. */
  private readonly codes = new Map<string, { workspace: FakeWorkspace; scope: string }>();
  private readonly failures: Failure[] = [];
  private readonly waiters: { test: () => boolean; resolve: () => void }[] = [];
  private nextTs = 1_700_000_000_000_100;
  private responseIds = 0;

  private constructor(private readonly server: Server, readonly baseUrl: string) {}

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeSlack(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => void fake.handle(req, res));
    return fake;
  }

  /** The Web API base URL, with the trailing slash the Slack client expects. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url on this server. */
  responseUrl(): string {
    this.responseIds += 1;
    return `${this.baseUrl}/response/${this.responseIds}`;
  }

  /** A workspace the app can be installed into; its bot token works once an install issued it (oauth.v2.access). */
  addWorkspace(workspace: FakeWorkspace): void {
    this.workspaces.set(workspace.teamId, workspace);
  }

  /** Makes the fake the OAuth server of `app`. */
  enableOAuth(app: FakeOAuthApp): void {
    this.oauthApp = app;
  }

  /** A bot token stops working (revoked, the app uninstalled). */
  revoke(token: string): void {
    this.validTokens.delete(token);
  }

  /** The workspace a bot token belongs to (undefined for the default workspace's token). */
  workspaceOfToken(token: string | undefined): FakeWorkspace | undefined {
    return [...this.workspaces.values()].find((w) => w.botToken === token);
  }

  /** Makes `method` fail with `error` (for matching calls, `times` times; default: always). */
  fail(method: string, error: string, options: { when?: (args: Record<string, unknown>) => boolean; times?: number } = {}): void {
    this.failures.push({ method, error, when: options.when ?? (() => true), times: options.times ?? Infinity });
  }

  callsTo(method: string): WebApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Every chat.postMessage call. */
  get posts(): WebApiCall[] {
    return this.callsTo('chat.postMessage');
  }

  /** Everything the bot sent anywhere (Web API calls and response_url posts), as JSON text. */
  everythingSent(): string {
    return JSON.stringify([this.calls.filter((c) => c.method !== 'auth.test'), this.responses]);
  }

  /** Resolves once `test` holds (checked after every recorded call). */
  waitUntil(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** Resolves with the `n`-th call (1-based) to `method`, waiting for it if needed. */
  async waitForCall(method: string, n = 1): Promise<WebApiCall> {
    await this.waitUntil(() => this.callsTo(method).length >= n);
    return this.callsTo(method)[n - 1]!;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBodyText(req);
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (url.pathname === '/oauth/v2/authorize' && req.method === 'GET') return this.consent(url, res);
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ id: url.pathname.slice('/response/'.length), body: parseJson(raw) });
      this.settle();
      return send(res, { ok: true });
    }
    if (!url.pathname.startsWith('/api/')) return send(res, { ok: false, error: 'not_found' }, 404);
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type']);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
    const reply = this.reply(method, token, args);
    this.calls.push({ method, token, args, result: reply });
    this.settle();
    send(res, reply);
  }

  private reply(method: string, token: string | undefined, args: Record<string, unknown>): Record<string, unknown> {
    const failure = this.failures.find((f) => f.method === method && f.times > 0 && f.when(args));
    if (failure) {
      failure.times -= 1;
      return { ok: false, error: failure.error };
    }
    if (method === 'apps.connections.open') {
      return this.socketUrl && token && this.validAppTokens.has(token) ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' };
    }
    if (method === 'oauth.v2.access') return this.exchange(args);
    if (!token || !this.validTokens.has(token)) return { ok: false, error: 'invalid_auth' };
    const workspace = this.workspaceOfToken(token);
    const bot = workspace ? { teamId: workspace.teamId, team: workspace.teamName, userId: workspace.botUserId, botId: workspace.botId } : { ...FAKE_BOT, team: 'Fake' };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: bot.team, user: 'verbatim', team_id: bot.teamId, user_id: bot.userId, bot_id: bot.botId };
      case 'chat.postMessage': {
        const ts = this.newTs();
        return { ok: true, channel: args.channel, ts, message: { ...args, ts, user: bot.userId, bot_id: bot.botId } };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.newTs() };
      case 'chat.delete':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'reactions.add':
        return { ok: true };
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        return { ok: true };
      case 'conversations.replies':
        return { ok: true, messages: this.threadMessages(String(args.channel), String(args.ts)), has_more: false };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        return user ? { ok: true, user: { is_admin: false, is_owner: false, name: user.id, ...user } } : { ok: false, error: 'user_not_found' };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /**
   * Slack's consent page, approved at once by the workspace named in `team` (Slack accepts that
   * parameter to pick the workspace): back to the app's redirect URL with a one-time code and the
   * state the app sent. An unknown client or workspace gets Slack's error page.
   */
  private consent(url: URL, res: ServerResponse): void {
    const visit: AuthorizeVisit = {
      clientId: url.searchParams.get('client_id'),
      scope: url.searchParams.get('scope'),
      state: url.searchParams.get('state'),
      team: url.searchParams.get('team'),
    };
    this.authorizeVisits.push(visit);
    const workspace = visit.team ? this.workspaces.get(visit.team) : undefined;
    if (!this.oauthApp || visit.clientId !== this.oauthApp.clientId || !workspace) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('invalid_client_id or unknown workspace');
      return;
    }
    const code = `code-${workspace.teamId}-${randomUUID()}`;
    this.codes.set(code, { workspace, scope: visit.scope ?? '' });
    const back = new URL(this.oauthApp.redirectUrl);
    back.searchParams.set('code', code);
    if (visit.state !== null) back.searchParams.set('state', visit.state);
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  /** oauth.v2.access: a code from the consent page (once), with the app's credentials, for the workspace's bot token. */
  private exchange(args: Record<string, unknown>): Record<string, unknown> {
    if (!this.oauthApp || args.client_id !== this.oauthApp.clientId || args.client_secret !== this.oauthApp.clientSecret) {
      return { ok: false, error: 'invalid_client_id' };
    }
    const issued = this.codes.get(String(args.code));
    if (!issued) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(args.code));
    const { workspace, scope } = issued;
    this.validTokens.add(workspace.botToken);
    return {
      ok: true,
      app_id: 'AFAKEAPP',
      authed_user: { id: 'UINSTALLER' },
      scope,
      token_type: 'bot',
      access_token: workspace.botToken,
      bot_user_id: workspace.botUserId,
      team: { id: workspace.teamId, name: workspace.teamName },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private threadMessages(channel: string, threadTs: string): Record<string, unknown>[] {
    return this.posts
      .filter((c) => c.args.channel === channel && c.args.thread_ts === threadTs)
      .map((c) => ({ type: 'message', user: FAKE_BOT.userId, bot_id: FAKE_BOT.botId, text: c.args.text, thread_ts: threadTs }));
  }

  private newTs(): string {
    this.nextTs += 100;
    const digits = String(this.nextTs);
    return `${digits.slice(0, 10)}.${digits.slice(10)}`;
  }

  private settle(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.test()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}


function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return parseJson(raw);
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? parseJsonValue(value) : value;
  }
  return args;
}

function parseJson(raw: string): Record<string, unknown> {
  const value = parseJsonValue(raw);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
}

function parseJsonValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function send(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
