import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError, userMessageFor } from '../../src/errors.ts';
import { setLogLevel } from '../../src/log.ts';
import { checkStore } from '../../src/store/health.ts';
import { openStateStore } from '../../src/store/open-state.ts';
import { postgresAvailable, TEST_DATABASE_URL, testSchema } from './engines.ts';

setLogLevel('silent');

/** A TCP relay to the test server on 127.0.0.1 that a test can cut and restore: a database outage. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen({ port: this.port, host: '127.0.0.1' }, resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

const server = await postgresAvailable();
if (!server) console.warn(`SKIPPED: outage test needs the PostgreSQL server at ${TEST_DATABASE_URL}`);

describe.runIf(server)('a PostgreSQL outage', () => {
  const target = new URL(TEST_DATABASE_URL);
  const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
  const schema = testSchema();
  afterAll(async () => {
    await relay.down();
    await schema.drop();
  });

  it('fails store calls politely while the database is away, and recovers with nothing lost when it returns', async () => {
    await relay.up();
    const url = new URL(TEST_DATABASE_URL);
    url.port = String(relay.port);
    const store = await openStateStore({ databaseUrl: url.toString(), dataDir: ':memory:', schema: schema.name, postgres: { connectTimeoutMs: 1_000 } });
    try {
      const record = { id: 'before-outage', platform: 'slack' as const, kind: 'ask' as const, question: 'Q', answer: 'A', shown: 3 };
      await store.answers.save(record);

      await relay.down();
      const failure = await store.answers.get('before-outage').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect(userMessageFor(failure)).toMatch(/can't reach my database.*try again/);
      await expect(store.deliveries.claim({ key: 'k', platform: 'slack', owner: 'r', leaseMs: 1000, payload: {} })).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await checkStore(store)).toMatchObject({ ok: false, engine: 'postgres' });

      await relay.up();
      expect(await checkStore(store)).toMatchObject({ ok: true });
      expect(await store.answers.get('before-outage')).toEqual(record);
      expect(await store.deliveries.claim({ key: 'k', platform: 'slack', owner: 'r', leaseMs: 1000, payload: {} })).toBeDefined();
    } finally {
      await store.close();
    }
  });
});
