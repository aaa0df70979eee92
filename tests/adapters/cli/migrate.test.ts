import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../../src/config/env.ts';
import { POSTGRES_MIGRATIONS } from '../../../src/store/postgres/migrations.ts';
import { postgresAvailable, TEST_DATABASE_URL, testSchema } from '../../store/engines.ts';
import { runCli } from './helpers.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../../bin/gomez.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'gomez-migrate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const server = await postgresAvailable();
if (!server) console.warn(`SKIPPED: gomez migrate on PostgreSQL needs the server at ${TEST_DATABASE_URL}`);

describe('gomez migrate', () => {
  it('brings the SQLite file in DATA_DIR up to date, then finds nothing to do', async () => {
    const first = await runCli(['migrate'], { DATA_DIR: tmp, DATABASE_URL: '' });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^SQLite \(.+\): applied legacy-1, legacy-2, legacy-3, 0003-deliveries-digest-slots, 0004-installations, 0005-questions-deployment, 0006-digest-kind, 0007-slack-installations\.\n$/);
    const again = await runCli(['migrate'], { DATA_DIR: tmp, DATABASE_URL: '' });
    expect(again.stdout).toMatch(/already up to date/);
  });

  it.runIf(server)('applies the PostgreSQL migrations once when three processes run it together', async () => {
    const schema = testSchema();
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA ${schema.name}`);
      const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema.name}`)}`;
      const runs = await Promise.all(
        [1, 2, 3].map(() => run(process.execPath, [bin, 'migrate'], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' } })),
      );
      const outputs = runs.map((r) => r.stdout.trim());
      expect(outputs.filter((o) => o.includes('applied'))).toHaveLength(1);
      expect(outputs.filter((o) => o.includes('already up to date'))).toHaveLength(2);
      const { rows } = await admin.query(`SELECT name FROM ${schema.name}.schema_migrations ORDER BY name`);
      expect(rows.map((r) => r.name)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.name));
    } finally {
      await admin.end();
      await schema.drop();
    }
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL connection string, naming it', async () => {
    const failed = await runCli(['migrate'], { DATA_DIR: tmp, DATABASE_URL: 'mysql://root@localhost/x' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('DATABASE_URL');
    expect(failed.stderr).not.toContain('root@localhost');
  });
});

describe('RATE_LIMIT_PER_MINUTE', () => {
  it('must be a whole number of at least 1: 0 or a malformed value stops start-up naming it', () => {
    expect(readEnv({}).RATE_LIMIT_PER_MINUTE).toBe(10);
    expect(readEnv({ RATE_LIMIT_PER_MINUTE: '25' }).RATE_LIMIT_PER_MINUTE).toBe(25);
    for (const bad of ['0', 'ten', '-3', '1.5']) {
      expect(() => readEnv({ RATE_LIMIT_PER_MINUTE: bad })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    }
  });
});
