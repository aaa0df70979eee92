import type Database from 'better-sqlite3';
import { MIGRATIONS } from '../migrations.ts';
import type { NamedMigration } from '../sql/migration.ts';

/** A SQLite migration; `legacyVersion` marks one that first shipped as that user_version. */
export interface SqliteMigration extends NamedMigration {
  /**
   * Shipped before named migrations as user_version `legacyVersion`: a file already at that version
   * has the change, so it is recorded as applied without running it again.
   */
  legacyVersion?: number;
}

/**
 * SQLite tables added after the numbered migrations in ../migrations.ts (kept as they shipped, in
 * user_version). New ones are named and recorded in schema_migrations, like PostgreSQL's, so migrations
 * added on parallel branches never collide. Append only.
 */
export const SQLITE_MIGRATIONS: SqliteMigration[] = [
  {
    name: '0003-deliveries-digest-slots',
    sql: `
      CREATE TABLE deliveries (
        key          TEXT PRIMARY KEY,
        platform     TEXT NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('processing', 'done', 'failed')),
        owner        TEXT NOT NULL,
        lease_until  TEXT NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 1,
        payload      TEXT NOT NULL,
        placeholder  TEXT,
        answer_id    TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX deliveries_expired ON deliveries (state, lease_until);
      CREATE TABLE digest_deliveries (
        subscription_id TEXT NOT NULL,
        slot            TEXT NOT NULL,
        platform        TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('processing', 'done', 'failed')),
        owner           TEXT NOT NULL,
        lease_until     TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 1,
        created_at      TEXT NOT NULL,
        finished_at     TEXT,
        PRIMARY KEY (subscription_id, slot)
      );
      CREATE INDEX digest_deliveries_expired ON digest_deliveries (platform, state, lease_until);
    `,
  },
  {
    name: '0004-installations',
    sql: `
      CREATE TABLE installations (
        platform     TEXT NOT NULL,
        team_id      TEXT NOT NULL,
        data         TEXT NOT NULL,
        installed_at TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (platform, team_id)
      );
    `,
  },
  {
    // Every question asked on a platform and how it went (curator insights), keyed by a hashed user id;
    // and per-deployment values, such as the secret that hashes user ids.
    name: '0005-questions-deployment',
    legacyVersion: 4,
    sql: `
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
  },
  {
    // What a scheduled post is: the digest of the interviews ('summary') or the channel's recap ('recap').
    name: '0006-digest-kind',
    legacyVersion: 5,
    sql: `
      ALTER TABLE digest_subscriptions ADD COLUMN kind TEXT NOT NULL DEFAULT 'summary' CHECK (kind IN ('summary', 'recap'));
    `,
  },
  {
    // Slack OAuth (issue 13): one row per Slack installation (a workspace, or an org for an enterprise
    // install). `installation` is Bolt's Installation as JSON, sealed with SLACK_TOKEN_ENCRYPTION_KEY
    // (src/store/token-cipher.ts): the tokens are never stored readable. Ids stay plain for lookups.
    name: '0007-slack-installations',
    sql: `
      CREATE TABLE slack_installations (
        key                   TEXT PRIMARY KEY,
        team_id               TEXT,
        enterprise_id         TEXT,
        is_enterprise_install INTEGER NOT NULL CHECK (is_enterprise_install IN (0, 1)),
        installation          TEXT NOT NULL,
        installed_at          TEXT NOT NULL
      );
      CREATE INDEX slack_installations_by_enterprise ON slack_installations (enterprise_id);
    `,
  },
];

/**
 * Brings a SQLite file up to date: the numbered migrations (user_version), then the named ones. Each
 * migration is one IMMEDIATE transaction, so two processes opening the same file apply it once.
 */
export function migrateSqlite(db: Database.Database, named: SqliteMigration[] = SQLITE_MIGRATIONS): string[] {
  const applied: string[] = [];
  for (;;) {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current >= MIGRATIONS.length) break;
    db.transaction(() => {
      // Re-read inside the write lock: another process may have applied it meanwhile.
      if ((db.pragma('user_version', { simple: true }) as number) !== current) return;
      db.exec(MIGRATIONS[current]!);
      db.pragma(`user_version = ${current + 1}`);
      applied.push(`legacy-${current + 1}`);
    }).immediate();
  }
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (const migration of named) {
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE name = ?').get(migration.name)) return;
      const shipped = migration.legacyVersion !== undefined && version >= migration.legacyVersion;
      if (!shipped) db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(migration.name, new Date().toISOString());
      if (!shipped) applied.push(migration.name);
    }).immediate();
  }
  return applied;
}
