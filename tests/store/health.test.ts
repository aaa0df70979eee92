import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogLevel } from '../../src/log.ts';
import { openStateStore } from '../../src/store/open-state.ts';
import type { StateStore } from '../../src/store/state.ts';
import { REPO_CORPUS } from '../corpus/fixtures.ts';
import { startWeb } from '../web/helpers.ts';
import { postgresAvailable, TEST_DATABASE_URL, testSchema } from './engines.ts';

setLogLevel('silent');

/** Nothing listens on port 1: a PostgreSQL that is down. */
const DOWN_URL = 'postgres://postgres:secret-pw@127.0.0.1:1/test';

/** /healthz of the web server (src/web), as `serve` and the Slack receiver mount it. */
async function healthOf(stores: { store?: StateStore }) {
  const { server, base } = await startWeb(REPO_CORPUS, stores);
  try {
    const text = await fetch(`${base}/healthz`);
    const json = await fetch(`${base}/healthz`, { headers: { accept: 'application/json' } });
    return { status: text.status, text: await text.text(), json: (await json.json()) as { status: string; store: { engine: string; ok: boolean; error?: string } } };
  } finally {
    await server.close();
  }
}

describe('store health and outages', () => {
  it('reports a SQLite store as ready', async () => {
    const store = await openStateStore({ dataDir: ':memory:' });
    const health = await healthOf({ store });
    expect(health).toMatchObject({ status: 200, text: 'ok', json: { status: 'ok', store: { engine: 'sqlite', ok: true } } });
    await store.close();
  });

  it('asks the SQLite file itself on every request, and fails once the store is closed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gomez-health-'));
    try {
      const store = await openStateStore({ dataDir });
      expect(await healthOf({ store })).toMatchObject({ status: 200, text: 'ok', json: { store: { engine: 'sqlite', ok: true } } });
      await store.close();
      const closed = await healthOf({ store });
      expect(closed.status).toBe(503);
      expect(closed.json).toMatchObject({ status: 'unavailable', store: { engine: 'sqlite', ok: false } });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('is not ready while PostgreSQL is down, without leaking the connection string', async () => {
    const store = await openStateStore({ databaseUrl: DOWN_URL, dataDir: ':memory:', migrate: false, postgres: { connectTimeoutMs: 500 } });
    const health = await healthOf({ store });
    expect(health.status).toBe(503);
    expect(health.text).toMatch(/^store unavailable \(postgres: ECONNREFUSED\)$/);
    expect(health.json).toMatchObject({ status: 'unavailable', store: { engine: 'postgres', ok: false } });
    expect(JSON.stringify(health.json)).not.toContain('secret-pw');
    await store.close();
  });

  it('keeps limiting questions in memory (insurance) while PostgreSQL is down', async () => {
    const store = await openStateStore({ databaseUrl: DOWN_URL, dataDir: ':memory:', migrate: false, postgres: { connectTimeoutMs: 300 } });
    const limiter = store.questionLimiter(2);
    const asker = { platform: 'discord', team: 'G', user: 'U' };
    expect([await limiter.take(asker), await limiter.take(asker)]).toEqual([0, 0]);
    expect(await limiter.take(asker)).toBeGreaterThan(0);
    await store.close();
  });
});

const server = await postgresAvailable();
if (!server) console.warn(`SKIPPED: PostgreSQL health test needs the server at ${TEST_DATABASE_URL}`);

describe.runIf(server)('health on the real PostgreSQL', () => {
  const schema = testSchema();
  let store: StateStore;
  beforeAll(async () => {
    store = await openStateStore({ databaseUrl: TEST_DATABASE_URL, dataDir: ':memory:', schema: schema.name });
  });
  afterAll(async () => {
    await store.close();
    await schema.drop();
  });

  it('reports the PostgreSQL store as ready', async () => {
    expect(await healthOf({ store })).toMatchObject({ status: 200, text: 'ok', json: { store: { engine: 'postgres', ok: true } } });
  });
});
