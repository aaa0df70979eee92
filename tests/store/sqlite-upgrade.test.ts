import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogLevel } from '../../src/log.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { migrateState, openStateStore } from '../../src/store/open-state.ts';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite/migrations.ts';

setLogLevel('silent');

/**
 * Migrations 4 and 5 exactly as an earlier build shipped them, numbered in user_version (before every
 * migration after the third became named). Files those builds wrote must still come up to date.
 */
const SHIPPED_AS_USER_VERSION: Record<4 | 5, string> = {
  4: `
  CREATE TABLE questions (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    surface    TEXT NOT NULL,
    user_hash  TEXT,
    question   TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('answered', 'refused', 'failed')),
    topic      TEXT,
    answer_id  TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX questions_by_time ON questions (created_at);
  CREATE TABLE deployment (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  5: `
  ALTER TABLE digest_subscriptions ADD COLUMN kind TEXT NOT NULL DEFAULT 'summary' CHECK (kind IN ('summary', 'recap'));
  `,
};

const NAMED = SQLITE_MIGRATIONS.map((m) => m.name);
/** The user-hash secret an old file already holds (hex, as the store writes it): it must survive the upgrade. */
const KEPT_SECRET = 'ab'.repeat(32);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gomez-upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A gomez.sqlite as a build that numbered its migrations up to `version` left it, with some state in it. */
function fileAtUserVersion(version: 3 | 4 | 5): void {
  const db = new Database(join(dir, 'gomez.sqlite'));
  for (let v = 1; v <= version; v += 1) {
    db.exec(v <= MIGRATIONS.length ? MIGRATIONS[v - 1]! : SHIPPED_AS_USER_VERSION[v as 4 | 5]);
    db.pragma(`user_version = ${v}`);
  }
  const kindColumn = version >= 5 ? ', kind' : '';
  const kindValue = version >= 5 ? ", 'recap'" : '';
  db.prepare(
    `INSERT INTO digest_subscriptions (id, platform, channel_id, workspace_id, subscriber_id, every, time, timezone, weekday, topic,
       next_due_at, created_at${kindColumn})
     VALUES ('s1', 'slack', 'C1', 'T1', 'U1', 'daily', '09:00', 'UTC', NULL, NULL, '2026-03-02T09:00:00.000Z', '2026-03-01T00:00:00.000Z'${kindValue})`,
  ).run();
  db.prepare(`INSERT INTO conversation_turns (conversation, question, answer, answer_id, created_at) VALUES ('slack:C1', 'Q?', 'A.', 'a1', ?)`).run(
    '2026-03-01T12:00:00.000Z',
  );
  if (version >= 4) {
    db.prepare(`INSERT INTO questions (surface, user_hash, question, outcome, created_at) VALUES ('slack', 'h', 'Q?', 'answered', ?)`).run(
      '2026-03-01T12:00:00.000Z',
    );
    db.prepare(`INSERT INTO deployment (key, value) VALUES ('user-hash-secret', ?)`).run(KEPT_SECRET);
  }
  db.close();
}

function recorded(): string[] {
  const db = new Database(join(dir, 'gomez.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('a SQLite file written by an earlier build', () => {
  it.each([
    { version: 3 as const, runs: NAMED },
    { version: 4 as const, runs: NAMED.filter((n) => n !== '0005-questions-deployment') },
    { version: 5 as const, runs: NAMED.filter((n) => n !== '0005-questions-deployment' && n !== '0006-digest-kind') },
  ])('at user_version $version migrates once, running only what it lacks, and keeps its rows', async ({ version, runs }) => {
    fileAtUserVersion(version);
    expect(await migrateState({ dataDir: dir })).toEqual({ engine: 'sqlite', applied: runs });
    expect(recorded()).toEqual([...NAMED].sort());
    expect((await migrateState({ dataDir: dir })).applied).toEqual([]);

    const state = await openStateStore({ dataDir: dir });
    try {
      expect(await state.digests.forChannel('slack', 'C1')).toMatchObject({ id: 's1', kind: version >= 5 ? 'recap' : 'summary' });
      expect(await state.conversations.under('slack:C1', new Date('2026-03-01T00:00:00Z'), new Date('2026-03-02T00:00:00Z'))).toEqual([
        { question: 'Q?', answer: 'A.', at: '2026-03-01T12:00:00.000Z' },
      ]);
      // What the newer migrations add works on the old file.
      expect(await state.deliveries.claim({ key: 'k', platform: 'slack', owner: 'r', leaseMs: 1000, payload: {} })).toBeDefined();
      await state.installations.save('slack', 'T1', { token: 'x' });
      // The rows of the tables 0005 would have made are kept, not recreated empty.
      const day = { since: new Date('2026-03-01T00:00:00Z'), until: new Date('2026-03-02T00:00:00Z') };
      expect(await state.questions.outcomes(day)).toEqual({ answered: version >= 4 ? 1 : 0, refused: 0, failed: 0 });
      const secret = (await state.questions.deploymentSecret()).toString('hex');
      if (version >= 4) expect(secret).toBe(KEPT_SECRET);
      else expect(secret).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await state.close();
    }
  });

  it('written by the build that named 0003 and 0004 (user_version 3) gets only 0005, 0006 and 0007', async () => {
    fileAtUserVersion(3);
    const db = new Database(join(dir, 'gomez.sqlite'));
    db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const migration of SQLITE_MIGRATIONS.slice(0, 2)) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(migration.name, '2026-03-01T00:00:00.000Z');
    }
    db.close();
    expect((await migrateState({ dataDir: dir })).applied).toEqual(['0005-questions-deployment', '0006-digest-kind', '0007-slack-installations']);
  });
});
