import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStateStore, type StateLocation } from '../../src/store/open-state.ts';
import type { StateStore } from '../../src/store/state.ts';
import { postgresAvailable, schemaUrl, TEST_DATABASE_URL } from './engines.ts';
import { giveBack, takeSchema } from './test-schemas.ts';

/**
 * The engine under the bot's state in this test run. `npm test` runs every file that stores bot
 * state twice (vitest.config.ts): once on SQLite, once with GOMEZ_TEST_STORE=postgres on the server
 * at TEST_DATABASE_URL. Harnesses and tests open their state here and never pick an engine themselves.
 */
export type TestStoreMode = 'sqlite' | 'postgres';

function modeFrom(value: string | undefined): TestStoreMode {
  if (value === undefined || value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres') return 'postgres';
  throw new Error(`GOMEZ_TEST_STORE must be "sqlite" or "postgres", not ${JSON.stringify(value)}`);
}

export const TEST_STORE_MODE: TestStoreMode = modeFrom(process.env.GOMEZ_TEST_STORE);

/**
 * One test's bot state, empty at first: a temporary DATA_DIR and, in Postgres mode, a schema of its own
 * on the test server (test-schemas.ts: recycled, emptied, within a test file). Every `open()` is another
 * handle on the same state (a restart, or a second replica); `env` lets an in-process CLI or a spawned
 * `bin/gomez.js` reach it too.
 */
export interface TestState {
  readonly mode: TestStoreMode;
  /** Temporary directory: the SQLite file in SQLite mode, the saved index in both. */
  readonly dataDir: string;
  /** DATA_DIR, and in Postgres mode DATABASE_URL (with the schema as search_path); DATABASE_URL is empty in SQLite mode. */
  readonly env: Readonly<Record<string, string>>;
  /** Opens a store on this state; `dispose()` closes whatever is still open. */
  open(): Promise<StateStore>;
  /** Closes every store opened here, then throws the state away (directory, schema). */
  dispose(): Promise<void>;
}

let serverChecked: Promise<void> | undefined;

/** Postgres mode was asked for: a server that does not answer is a failure naming TEST_DATABASE_URL, not a skip. */
function requireServer(): Promise<void> {
  serverChecked ??= postgresAvailable().then((up) => {
    if (!up) throw new Error(`GOMEZ_TEST_STORE=postgres but no PostgreSQL answers at ${TEST_DATABASE_URL} (set TEST_DATABASE_URL)`);
  });
  return serverChecked;
}

/** Fresh, empty bot state for one test file or harness, on the engine of this run. */
export async function createTestState(options: { prefix?: string } = {}): Promise<TestState> {
  const dataDir = mkdtempSync(join(tmpdir(), options.prefix ?? 'gomez-state-'));
  const opened = new Set<StateStore>();
  let location: StateLocation = { dataDir };
  let env: Record<string, string> = { DATA_DIR: dataDir, DATABASE_URL: '' };
  let drop: () => Promise<void> = async () => undefined;

  if (TEST_STORE_MODE === 'postgres') {
    await requireServer();
    // The schema exists before the first open: a spawned process names it only through search_path.
    const schema = await takeSchema();
    location = { databaseUrl: TEST_DATABASE_URL, dataDir, schema, postgres: { max: 4 } };
    env = { DATA_DIR: dataDir, DATABASE_URL: schemaUrl(schema) };
    drop = () => giveBack(schema);
  }

  return {
    mode: TEST_STORE_MODE,
    dataDir,
    env,
    async open() {
      const store = await openStateStore(location);
      opened.add(store);
      const close = store.close.bind(store);
      // Closing twice (a test's own close, then dispose) is harmless.
      let closed: Promise<void> | undefined;
      store.close = () => {
        opened.delete(store);
        return (closed ??= close());
      };
      return store;
    },
    async dispose() {
      await Promise.allSettled([...opened].map((store) => store.close()));
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A store on fresh state of its own; closing it also throws the state away. For tests that need one handle. */
export async function openTestStore(options: { prefix?: string } = {}): Promise<StateStore> {
  const state = await createTestState(options);
  const store = await state.open();
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await state.dispose();
  };
  return store;
}
