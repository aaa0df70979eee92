import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { readBodyText } from '../http.ts';
import { snowflake } from './snowflake.ts';

/**
 * A local stand-in for Discord: the REST API (under /api/v10) over HTTP and the gateway over a
 * WebSocket, both on 127.0.0.1 and a random port. It records every REST call so tests can assert on
 * what the real discord.js client sent, and lets tests dispatch gateway events (interactions) or, as
 * Discord does in HTTP interactions mode, post interactions signed with its own Ed25519 key to the bot.
 */

export interface RecordedCall {
  method: string;
  /** Path below /api/v10, e.g. `/interactions/123/tok/callback`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | null;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
  public_flags: number;
}

interface PendingInteraction {
  id: string;
  token: string;
  channelId: string;
  acknowledged: boolean;
  originalId: string | null;
}

type Json = Record<string, unknown>;

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  body: Json;
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  botName?: string;
  /** HELLO's heartbeat interval; Discord's is about 41 s, tests may shorten it to see heartbeats. */
  heartbeatIntervalMs?: number;
}

const GATEWAY_PATH = '/gateway';
const API_PREFIX = '/api/v10';

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBodyText(req);
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: FakeUser;
  /** Every REST call, in arrival order. */
  readonly calls: RecordedCall[] = [];
  /** IDENTIFY payloads received on the gateway. */
  readonly identifies: Json[] = [];
  readonly globalCommands: Json[] = [];
  readonly guildCommands = new Map<string, Json[]>();
  /** Messages by id (interaction replies, follow-ups, channel posts). */
  readonly messages = new Map<string, Json>();
  /** When set, the gateway closes the next IDENTIFY with 4004 (a token the gateway refuses). */
  rejectNextIdentify = false;

  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly identified = new Set<WebSocket>();
  private readonly interactions = new Map<string, PendingInteraction>();
  private readonly failures: Failure[] = [];
  private readonly unreachableChannels = new Map<string, { status: number; code: number; message: string }>();
  private readonly events = new EventEmitter();
  private readonly nonces = new Map<string, Json>();
  private sequence = 0;
  private port = 0;
  private readonly heartbeatIntervalMs: number;
  /** Heartbeats received (each answered with HEARTBEAT_ACK). */
  heartbeats = 0;
  /** WebSocket connections ever opened to the gateway. */
  gatewayConnections = 0;
  /** The application's Ed25519 key pair, generated per fake: interactions posted over HTTP are signed with it. */
  private readonly signingKey: KeyObject;
  /** The public key as the Developer Portal shows it (DISCORD_PUBLIC_KEY): 64 hex digits. */
  readonly publicKeyHex: string;

  private constructor(options: FakeDiscordOptions) {
    this.token = options.token ?? 'fake-bot-token';
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.applicationId = options.applicationId ?? snowflake();
    this.botUser = {
      id: this.applicationId,
      username: options.botName ?? 'Verbatim',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
      public_flags: 0,
    };
    const keys = generateKeyPairSync('ed25519');
    this.signingKey = keys.privateKey;
    this.publicKeyHex = Buffer.from(String(keys.publicKey.export({ format: 'jwk' }).x), 'base64url').toString('hex');
    this.http = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ server: this.http, path: GATEWAY_PATH });
    this.wss.on('connection', (socket) => this.onGatewayConnection(socket));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.http.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.http.address() as AddressInfo).port;
    return fake;
  }

  /** The value for DISCORD_API_URL (discord.js appends /v10). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}${GATEWAY_PATH}`;
  }

  /** Makes the next matching REST call fail with `status` and a Discord error body. */
  failNext(method: string, path: RegExp, status: number, body: Json): void {
    this.failures.push({ method, path, status, body });
  }

  /** Posts to this channel fail as they do once the bot was kicked or lost access. */
  makeChannelUnreachable(channelId: string, status = 403, code = 50001, message = 'Missing Access'): void {
    this.unreachableChannels.set(channelId, { status, code, message });
  }

  /** Sends a gateway dispatch (op 0) to every identified connection. */
  dispatch(type: string, data: unknown): void {
    const payload = JSON.stringify({ op: 0, t: type, s: ++this.sequence, d: data });
    for (const socket of this.identified) socket.send(payload);
  }

  /**
   * Dispatches INTERACTION_CREATE and remembers the interaction so its callback and webhook calls
   * can be checked. Returns performance.now() at dispatch, for acknowledgement deadlines.
   */
  dispatchInteraction(
    payload: Json & { id: string; token: string; channel?: { id: string }; message?: { id: string } },
  ): number {
    this.interactions.set(payload.token, {
      id: payload.id,
      token: payload.token,
      channelId: payload.channel?.id ?? snowflake(),
      acknowledged: false,
      // A button's "original" message is the one the button sits on.
      originalId: payload.message?.id ?? null,
    });
    const at = performance.now();
    this.dispatch('INTERACTION_CREATE', payload);
    return at;
  }

  /**
   * Posts an interaction to a bot's Interactions Endpoint URL as Discord does: JSON signed with
   * X-Signature-Ed25519 over timestamp + body. A 200 answer is taken as the interaction's first response
   * (recorded as a callback call, so callsFor and originalMessage work as over the gateway).
   * `signature: 'bad'` signs other bytes, `'missing'` sends no signature headers.
   */
  async postInteraction(
    endpoint: string,
    payload: Json & { id: string; token: string; channel?: { id: string }; message?: { id: string } },
    options: { signature?: 'valid' | 'bad' | 'missing' } = {},
  ): Promise<{ status: number; body: unknown; sentAt: number; answeredAt: number }> {
    if (!this.interactions.has(payload.token)) {
      this.interactions.set(payload.token, {
        id: payload.id,
        token: payload.token,
        channelId: payload.channel?.id ?? snowflake(),
        acknowledged: false,
        originalId: payload.message?.id ?? null,
      });
    }
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signed = options.signature === 'bad' ? `${timestamp}${body} ` : `${timestamp}${body}`;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)' };
    if (options.signature !== 'missing') {
      headers['x-signature-ed25519'] = sign(null, Buffer.from(signed), this.signingKey).toString('hex');
      headers['x-signature-timestamp'] = timestamp;
    }
    const sentAt = performance.now();
    const response = await fetch(endpoint, { method: 'POST', headers, body });
    const text = await response.text();
    const answeredAt = performance.now();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // plain text (errors) stays text
    }
    if (response.status === 200 && isRecord(parsed) && payload.type !== 1) {
      // What Discord does with a first response that came as the HTTP answer.
      const call: RecordedCall = { method: 'POST', path: `/interactions/${payload.id}/${payload.token}/callback`, query: {}, body: parsed, authorization: null, at: answeredAt };
      this.calls.push(call);
      this.events.emit('call', call);
      const interaction = this.interactions.get(payload.token)!;
      if (!interaction.acknowledged) {
        interaction.acknowledged = true;
        const data = isRecord(parsed.data) ? parsed.data : {};
        if (parsed.type === 4 || parsed.type === 5) interaction.originalId = String(this.createMessage(interaction.channelId, data, 20).id);
      }
    }
    return { status: response.status, body: parsed, sentAt, answeredAt };
  }

  /** Takes an interaction as answered over HTTP with a deferred reply (type 5): it has a placeholder message. */
  deferredOverHttp<T extends { id: string; token: string; channel?: { id: string } }>(payload: T): T {
    const channelId = payload.channel?.id ?? snowflake();
    const originalId = String(this.createMessage(channelId, {}, 20).id);
    this.interactions.set(payload.token, { id: payload.id, token: payload.token, channelId, acknowledged: true, originalId });
    return payload;
  }

  /** REST calls made for one interaction (its callback and webhook calls), in order. */
  callsFor(interaction: { id: string; token: string }): RecordedCall[] {
    return this.calls.filter(
      (c) => c.path.startsWith(`/interactions/${interaction.id}/`) || c.path.includes(`/${interaction.token}`),
    );
  }

  /** Resolves with the first recorded call (past or future) matching `predicate`. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 8_000): Promise<RecordedCall> {
    const existing = this.calls.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall) => {
        if (!predicate(call)) return;
        clearTimeout(timer);
        this.events.off('call', onCall);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.events.off('call', onCall);
        reject(new Error(`no matching REST call within ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`));
      }, timeoutMs);
      this.events.on('call', onCall);
    });
  }

  /** The current state of an interaction's original response message. */
  originalMessage(token: string): Json | undefined {
    const id = this.interactions.get(token)?.originalId;
    return id ? this.messages.get(id) : undefined;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ---- gateway ----

  private onGatewayConnection(socket: WebSocket): void {
    this.gatewayConnections++;
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.identified.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
    socket.on('message', (raw) => {
      let packet: unknown;
      try {
        packet = JSON.parse(String(raw));
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      if (!isRecord(packet)) return;
      if (packet.op === 1) {
        this.heartbeats++;
        socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
      }
      else if (packet.op === 2 && isRecord(packet.d)) this.onIdentify(socket, packet.d);
      else if (packet.op === 6) socket.close(4009, 'Session timed out'); // no resume: identify afresh
    });
  }

  private onIdentify(socket: WebSocket, identify: Json): void {
    this.identifies.push(identify);
    if (identify.token !== this.token || this.rejectNextIdentify) {
      this.rejectNextIdentify = false;
      socket.close(4004, 'Authentication failed.');
      return;
    }
    this.identified.add(socket);
    socket.send(
      JSON.stringify({
        op: 0,
        t: 'READY',
        s: ++this.sequence,
        d: {
          v: 10,
          user: { ...this.botUser, verified: true, mfa_enabled: false, flags: 0, email: null },
          guilds: [],
          private_channels: [],
          relationships: [],
          presences: [],
          session_id: `session-${snowflake()}`,
          resume_gateway_url: this.gatewayUrl,
          shard: [0, 1],
          application: { id: this.applicationId, flags: 0 },
          _trace: ['fake-discord'],
        },
      }),
    );
  }

  // ---- REST ----

  private send(res: ServerResponse, status: number, body?: unknown): void {
    if (body === undefined) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const body = await readBody(req);
    const pathname = decodeURIComponent(url.pathname);
    const path = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) : pathname;
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization ?? null,
      at: performance.now(),
    };
    this.calls.push(call);
    this.events.emit('call', call);

    if (!pathname.startsWith(API_PREFIX)) return this.send(res, 404, { message: '404: Not Found', code: 0 });
    const failure = this.failures.findIndex((f) => f.method === call.method && f.path.test(path));
    if (failure >= 0) {
      const [f] = this.failures.splice(failure, 1);
      return this.send(res, f!.status, f!.body);
    }
    try {
      this.route(call, res);
    } catch (error) {
      this.send(res, 500, { message: String(error), code: 0 });
    }
  }

  private authorized(call: RecordedCall, res: ServerResponse): boolean {
    if (call.authorization === `Bot ${this.token}`) return true;
    this.send(res, 401, { message: '401: Unauthorized', code: 0 });
    return false;
  }

  private route(call: RecordedCall, res: ServerResponse): void {
    const { method, path } = call;
    let m: RegExpMatchArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      if (!this.authorized(call, res)) return;
      return this.send(res, 200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && path === '/gateway') return this.send(res, 200, { url: this.gatewayUrl });
    if (method === 'GET' && path === '/users/@me') {
      if (!this.authorized(call, res)) return;
      return this.send(res, 200, this.botUser);
    }
    if ((m = path.match(/^\/applications\/(\d+)\/commands$/))) {
      if (!this.authorized(call, res)) return;
      if (m[1] !== this.applicationId) return this.send(res, 403, { message: 'Missing Access', code: 50001 });
      if (method === 'PUT') return this.send(res, 200, this.replaceCommands(this.globalCommands, call.body));
      if (method === 'GET') return this.send(res, 200, this.globalCommands);
    }
    if ((m = path.match(/^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/))) {
      if (!this.authorized(call, res)) return;
      if (m[1] !== this.applicationId) return this.send(res, 403, { message: 'Missing Access', code: 50001 });
      const list = this.guildCommands.get(m[2]!) ?? [];
      this.guildCommands.set(m[2]!, list);
      if (method === 'PUT') return this.send(res, 200, this.replaceCommands(list, call.body, m[2]));
      if (method === 'GET') return this.send(res, 200, list);
    }
    if (method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      return this.interactionCallback(m[1]!, m[2]!, call, res);
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/))) {
      return this.webhook(m[1]!, m[2]!, m[3] ?? null, call, res);
    }
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      if (!this.authorized(call, res)) return;
      const blocked = this.unreachableChannels.get(m[1]!);
      if (blocked) return this.send(res, blocked.status, { message: blocked.message, code: blocked.code });
      const body = isRecord(call.body) ? call.body : {};
      // enforce_nonce: a repeat of a recent nonce in the channel returns the message already created.
      const nonceKey = body.enforce_nonce === true && typeof body.nonce === 'string' ? `${m[1]!}:${body.nonce}` : null;
      const repeat = nonceKey ? this.nonces.get(nonceKey) : undefined;
      if (repeat) return this.send(res, 200, repeat);
      const message = this.createMessage(m[1]!, body, 0);
      if (nonceKey) this.nonces.set(nonceKey, message);
      return this.send(res, 200, message);
    }
    this.send(res, 404, { message: '404: Not Found', code: 0 });
  }

  private replaceCommands(list: Json[], body: unknown, guildId?: string): Json[] {
    list.length = 0;
    for (const command of Array.isArray(body) ? body : []) {
      if (!isRecord(command)) continue;
      list.push({ ...command, id: snowflake(), application_id: this.applicationId, version: snowflake(), ...(guildId ? { guild_id: guildId } : {}) });
    }
    return list;
  }

  private createMessage(channelId: string, data: Json, type: number): Json {
    const id = snowflake();
    const message: Json = {
      id,
      channel_id: channelId,
      type,
      author: this.botUser,
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: data.flags ?? 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      application_id: this.applicationId,
      ...(type === 0 ? {} : { webhook_id: this.applicationId }),
    };
    this.messages.set(id, message);
    return message;
  }

  private interactionCallback(id: string, token: string, call: RecordedCall, res: ServerResponse): void {
    const interaction = this.interactions.get(token);
    if (!interaction || interaction.id !== id) return this.send(res, 404, { message: 'Unknown interaction', code: 10062 });
    if (interaction.acknowledged) {
      return this.send(res, 400, { message: 'Interaction has already been acknowledged.', code: 40060 });
    }
    interaction.acknowledged = true;
    const body = isRecord(call.body) ? call.body : {};
    const data = isRecord(body.data) ? body.data : {};
    // 4 reply, 5 deferred reply: both create the original response; 6/7 act on the button's message.
    if (body.type === 4 || body.type === 5) {
      interaction.originalId = String(this.createMessage(interaction.channelId, data, 20).id);
    }
    if (call.query.with_response === 'true') {
      return this.send(res, 200, { interaction: { id, type: 2 }, resource: { type: body.type } });
    }
    this.send(res, 204);
  }

  private webhook(appId: string, token: string, messageId: string | null, call: RecordedCall, res: ServerResponse): void {
    const interaction = this.interactions.get(token);
    if (appId !== this.applicationId || !interaction) return this.send(res, 404, { message: 'Unknown Webhook', code: 10015 });
    if (!interaction.acknowledged) return this.send(res, 404, { message: 'Unknown Webhook', code: 10015 });
    const data = isRecord(call.body) ? call.body : {};
    if (call.method === 'POST' && messageId === null) {
      return this.send(res, 200, this.createMessage(interaction.channelId, data, 19));
    }
    const id = messageId === '@original' ? interaction.originalId : messageId;
    const existing = id ? this.messages.get(id) : undefined;
    if (!id || !existing) return this.send(res, 404, { message: 'Unknown Message', code: 10008 });
    if (call.method === 'PATCH') {
      const updated: Json = { ...existing, ...data, edited_timestamp: new Date().toISOString() };
      delete updated.allowed_mentions;
      this.messages.set(id, updated);
      return this.send(res, 200, updated);
    }
    if (call.method === 'DELETE') {
      this.messages.delete(id);
      return this.send(res, 204);
    }
    if (call.method === 'GET') return this.send(res, 200, existing);
    this.send(res, 405, { message: '405: Method Not Allowed', code: 0 });
  }
}
