import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { FAKE_BOT, type FakeSlack } from './web-api.ts';

/**
 * A local Socket Mode endpoint: apps.connections.open on the fake Web API hands out its ws:// URL; on
 * connection it sends `hello`, then delivers envelopes and resolves when the app acknowledges them.
 */
export class FakeSocketMode {
  private socket: WebSocket | undefined;
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private connected: Promise<void>;
  private markConnected!: () => void;

  private constructor(private readonly wss: WebSocketServer) {
    this.connected = new Promise((resolve) => (this.markConnected = resolve));
    wss.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (data) => {
        const message: unknown = JSON.parse(String(data));
        if (typeof message === 'object' && message !== null && 'envelope_id' in message) {
          const id = String(message.envelope_id);
          this.acks.get(id)?.('payload' in message ? message.payload : undefined);
          this.acks.delete(id);
        }
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'AFAKEAPP' } }));
      this.markConnected();
    });
  }

  /** Starts on 127.0.0.1 and registers its URL (and `appToken`) with the fake Web API. */
  static async start(fake: FakeSlack, appToken: string): Promise<FakeSocketMode> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const { port } = wss.address() as AddressInfo;
    fake.socketUrl = `ws://127.0.0.1:${port}/link`;
    fake.validAppTokens.add(appToken);
    return new FakeSocketMode(wss);
  }

  whenConnected(): Promise<void> {
    return this.connected;
  }

  /** Delivers an Events API event; resolves when the app acks the envelope. */
  async sendEvent(event: Record<string, unknown>, options: { eventId?: string; retryAttempt?: number } = {}): Promise<void> {
    const payload = {
      team_id: FAKE_BOT.teamId,
      api_app_id: 'AFAKEAPP',
      event: { event_ts: event.ts, ...event },
      type: 'event_callback',
      event_id: options.eventId ?? `Ev${randomUUID().slice(0, 8)}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, is_bot: true, is_enterprise_install: false }],
    };
    await this.deliver('events_api', payload, options.retryAttempt ?? 0);
  }

  private async deliver(type: string, payload: unknown, retryAttempt: number): Promise<void> {
    await this.connected;
    const envelopeId = randomUUID();
    const acked = new Promise<void>((resolve) => this.acks.set(envelopeId, () => resolve()));
    this.socket!.send(
      JSON.stringify({ envelope_id: envelopeId, payload, type, accepts_response_payload: false, retry_attempt: retryAttempt, retry_reason: '' }),
    );
    await acked;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
