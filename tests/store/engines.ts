import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStateStore } from '../../src/store/open-state.ts';
import { migratePostgres, quoteIdent } from '../../src/store/postgres/migrate.ts';
import { SqlStateStore } from '../../src/store/sql/state-store.ts';
import type { StateStore } from '../../src/store/state.ts';
import { PgliteDriver } from './pglite-driver.ts';

import { postgresAvailable, TEST_DATABASE_URL } from './test-server.ts';

export { postgresAvailable, TEST_DATABASE_URL };

/** TEST_DATABASE_URL with `schema` as search_path: how a spawned `gomez` process is pointed at a schema. */
export function schemaUrl(schema: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/**
 * A fresh schema of its own on the test server, so parallel test files (and other people's test
 * runs on the same server) never see each other's rows. `create()` makes it now (a spawned process
 * names it only through search_path, so it must exist first); `drop()` removes it.
 */
export function testSchema(): { name: string; url: string; create(): Promise<void>; drop(): Promise<void> } {
  const name = `gomez_test_${randomBytes(6).toString('hex')}`;
  return {
    name,
    url: schemaUrl(name),
    async create() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${quoteIdent(name)}`);
      } finally {
        await client.end();
      }
    },
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface Engine {
  name: string;
  /** Opens a store on fresh, empty state; `close()` also throws the state away. */
  open(): Promise<{ store: StateStore; close(): Promise<void> }>;
}

export const sqliteEngine: Engine = {
  name: 'sqlite',
  async open() {
    const store = await openStateStore({ dataDir: ':memory:' });
    return { store, close: () => store.close() };
  },
};

export const postgresEngine: Engine = {
  name: 'postgres',
  async open() {
    const schema = testSchema();
    const store = await openStateStore({ databaseUrl: TEST_DATABASE_URL, dataDir: ':memory:', schema: schema.name, postgres: { max: 4 } });
    return {
      store,
      async close() {
        await store.close();
        await schema.drop();
      },
    };
  },
};

let pglite: Promise<PgliteDriver> | undefined;

/**
 * PGlite boots slowly (seconds), so one instance serves a whole test file; each store gets a schema
 * of its own in it, dropped on close. The instance closes with the worker.
 */
export const pgliteEngine: Engine = {
  name: 'pglite',
  async open() {
    pglite ??= PgliteDriver.create();
    const driver = await pglite;
    const schema = `s_${randomBytes(6).toString('hex')}`;
    await driver.query(`CREATE SCHEMA ${schema}`);
    await driver.query(`SET search_path TO ${schema}`);
    await migratePostgres(driver);
    const store = new SqlStateStore({
      dialect: driver.dialect,
      rateLimitClient: driver.rateLimitClient,
      query: (sql, params) => driver.query(sql, params),
      transaction: (work) => driver.transaction(work),
      close: async () => undefined,
    });
    return { store, close: async () => void (await driver.query(`DROP SCHEMA ${schema} CASCADE`)) };
  },
};

/**
 * The engines the contract runs on: SQLite always; the real PostgreSQL server when it answers; PGlite
 * when it does not (or when TEST_PGLITE=1), so the PostgreSQL SQL is always checked somewhere.
 */
export async function contractEngines(): Promise<Engine[]> {
  const engines: Engine[] = [sqliteEngine];
  const server = await postgresAvailable();
  if (server) engines.push(postgresEngine);
  else console.warn(`store tests: no PostgreSQL server at ${TEST_DATABASE_URL}; the contract runs on PGlite instead`);
  if (!server || process.env.TEST_PGLITE === '1') engines.push(pgliteEngine);
  return engines;
}
