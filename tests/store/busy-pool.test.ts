import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/errors.ts';
import { PostgresDriver } from '../../src/store/postgres/driver.ts';
import { postgresAvailable, TEST_DATABASE_URL } from './engines.ts';

const server = await postgresAvailable();
if (!server) console.warn(`SKIPPED: busy-pool test needs the PostgreSQL server at ${TEST_DATABASE_URL}`);

/**
 * A burst of answers on one replica queues for its pool's connections. Waiting for a busy pool is load,
 * not an outage: before, it failed after the connect timeout as "state store unavailable" (answers got
 * the polite database error, events were dropped at their claim; see docs/benchmarks.md, (e′)).
 */
describe('the PostgreSQL pool under load and in an outage', () => {
  it.runIf(server)('lets a query wait for a busy pool longer than the connect timeout instead of failing it', async () => {
    const driver = new PostgresDriver({ connectionString: TEST_DATABASE_URL, max: 1, connectTimeoutMs: 200 });
    try {
      // The only connection is busy for a second, five times the connect timeout.
      const busy = driver.query('SELECT pg_sleep(1)');
      const queued = driver.query('SELECT 42 AS answer');
      await expect(queued).resolves.toMatchObject({ rows: [{ answer: 42 }] });
      await busy;
    } finally {
      await driver.close();
    }
  });

  it('still fails politely when opening a connection takes longer than the connect timeout (a server that never speaks)', async () => {
    const mute = createServer(() => undefined);
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    const { port } = mute.address() as AddressInfo;
    const driver = new PostgresDriver({ connectionString: `postgres://postgres@127.0.0.1:${port}/test`, connectTimeoutMs: 200 });
    try {
      await expect(driver.query('SELECT 1')).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await driver.close().catch(() => undefined);
      mute.close();
    }
  });
});
