import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests keep their state out of the checkout: DATA_DIR (SQLite store, saved index) is a temporary folder
// for the whole run, removed at the end. GOMEZ_FROM_SOURCE makes spawned `bin/gomez.js` run src/ even
// when a dist/ build is lying around, so tests always exercise the TypeScript sources.
const dataDir = mkdtempSync(join(tmpdir(), 'gomez-test-data-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    env: { DATA_DIR: dataDir, GOMEZ_FROM_SOURCE: '1' },
  },
});
