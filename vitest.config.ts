import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration, type ViteUserConfig } from 'vitest/config';
import { testsReaching } from './tests/store/stateful-tests.ts';
import { postgresAvailable as postgresAnswers, TEST_DATABASE_URL } from './tests/store/test-server.ts';

// Tests keep their state out of the checkout: DATA_DIR (SQLite store, saved index) is a temporary folder
// for the whole run, removed at the end. GOMEZ_FROM_SOURCE makes spawned `bin/gomez.js` run src/ even
// when a dist/ build is lying around, so tests always exercise the TypeScript sources.
const dataDir = mkdtempSync(join(tmpdir(), 'gomez-test-data-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));

const root = import.meta.dirname;

/**
 * Two projects. `sqlite` runs every test on the default engine. `postgres` runs again, with
 * GOMEZ_TEST_STORE=postgres, the files that store bot state: those whose imports reach
 * tests/store/test-store.ts (harnesses included), found afresh on every run. The rest never touch the
 * store and would gain nothing from a second run. Without a server the postgres project is left out,
 * and the run says so at its start and at its end.
 */
export default defineConfig(async (): Promise<ViteUserConfig> => {
  const stateful = testsReaching(root, 'tests', 'tests/store/test-store.ts');
  // Vitest reads this file again for the projects that extend it: ask the server, and say so, once per run.
  const once = globalThis as { gomezPostgresAnswers?: Promise<boolean> };
  const first = once.gomezPostgresAnswers === undefined;
  const server = await (once.gomezPostgresAnswers ??= postgresAnswers());
  const skipped = `SKIPPED: the postgres test project (${stateful.length} files that store bot state, run again on PostgreSQL) — no server answers at ${TEST_DATABASE_URL} (TEST_DATABASE_URL)`;
  if (!server && first) console.warn(skipped);
  return {
    test: {
      testTimeout: 20_000,
      hookTimeout: 20_000,
      pool: 'forks',
      env: { DATA_DIR: dataDir, GOMEZ_FROM_SOURCE: '1' },
      ...(server ? {} : { reporters: ['default', { onTestRunEnd: () => void console.warn(`\n${skipped}`) }] }),
      projects: [
        { extends: true, test: { name: 'sqlite', include: ['tests/**/*.test.ts'], env: { GOMEZ_TEST_STORE: 'sqlite' } } },
        ...(server ? [{ extends: true, test: { name: 'postgres', include: stateful, env: { GOMEZ_TEST_STORE: 'postgres' } } } satisfies TestProjectInlineConfiguration] : []),
      ],
    },
  };
});
