import type { NamedMigration } from '../sql/migration.ts';

/**
 * The PostgreSQL schema, one named migration at a time. Append only: never edit one that has shipped.
 * Names (not numbers) so migrations added on parallel branches never collide.
 */
export const POSTGRES_MIGRATIONS: NamedMigration[] = [
  {
    name: '0001-answers-feedback-conversations',
    sql: `
      CREATE TABLE answers (
        id         TEXT PRIMARY KEY,
        platform   TEXT NOT NULL,
        kind       TEXT NOT NULL,
        question   TEXT NOT NULL,
        answer     TEXT NOT NULL,
        shown      INTEGER NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE feedback (
        answer_id  TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        platform   TEXT NOT NULL,
        vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        question   TEXT NOT NULL,
        answer     TEXT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (answer_id, user_id)
      );
      CREATE TABLE conversation_turns (
        seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        conversation TEXT NOT NULL,
        question     TEXT NOT NULL,
        answer       TEXT NOT NULL,
        answer_id    TEXT,
        created_at   TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX conversation_turns_by_conversation ON conversation_turns (conversation, seq);
      CREATE INDEX conversation_turns_by_answer ON conversation_turns (answer_id);
    `,
  },
  {
    name: '0002-digest-subscriptions',
    sql: `
      CREATE TABLE digest_subscriptions (
        id              TEXT PRIMARY KEY,
        platform        TEXT NOT NULL,
        channel_id      TEXT NOT NULL,
        workspace_id    TEXT,
        subscriber_id   TEXT NOT NULL,
        every           TEXT NOT NULL CHECK (every IN ('daily', 'weekly')),
        time            TEXT NOT NULL,
        timezone        TEXT NOT NULL,
        weekday         INTEGER,
        topic           TEXT,
        active          INTEGER NOT NULL DEFAULT 1,
        disabled_reason TEXT,
        next_due_at     TIMESTAMPTZ NOT NULL,
        last_sent_at    TIMESTAMPTZ,
        last_themes     TEXT NOT NULL DEFAULT '[]',
        last_quotes     TEXT NOT NULL DEFAULT '[]',
        seen_sources    TEXT NOT NULL DEFAULT '[]',
        failures        INTEGER NOT NULL DEFAULT 0,
        created_at      TIMESTAMPTZ NOT NULL,
        UNIQUE (platform, channel_id)
      );
      CREATE INDEX digest_subscriptions_due ON digest_subscriptions (platform, active, next_due_at);
    `,
  },
  {
    name: '0003-deliveries-digest-slots',
    sql: `
      CREATE TABLE deliveries (
        key          TEXT PRIMARY KEY,
        platform     TEXT NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('processing', 'done', 'failed')),
        owner        TEXT NOT NULL,
        lease_until  TIMESTAMPTZ NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 1,
        payload      TEXT NOT NULL,
        placeholder  TEXT,
        answer_id    TEXT,
        created_at   TIMESTAMPTZ NOT NULL,
        updated_at   TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX deliveries_expired ON deliveries (state, lease_until);
      CREATE TABLE digest_deliveries (
        subscription_id TEXT NOT NULL,
        slot            TIMESTAMPTZ NOT NULL,
        platform        TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('processing', 'done', 'failed')),
        owner           TEXT NOT NULL,
        lease_until     TIMESTAMPTZ NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 1,
        created_at      TIMESTAMPTZ NOT NULL,
        finished_at     TIMESTAMPTZ,
        PRIMARY KEY (subscription_id, slot)
      );
      CREATE INDEX digest_deliveries_expired ON digest_deliveries (platform, state, lease_until);
    `,
  },
  {
    name: '0004-installations-rate-limits',
    sql: `
      CREATE TABLE installations (
        platform     TEXT NOT NULL,
        team_id      TEXT NOT NULL,
        data         TEXT NOT NULL,
        installed_at TIMESTAMPTZ NOT NULL,
        updated_at   TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (platform, team_id)
      );
      -- The table rate-limiter-flexible's RateLimiterPostgres expects (created here, not by the library,
      -- so replicas starting together never race to create it).
      CREATE TABLE rate_limits (
        key    VARCHAR(255) PRIMARY KEY,
        points INTEGER NOT NULL DEFAULT 0,
        expire BIGINT
      );
    `,
  },
  {
    // Every question asked on a platform and how it went (curator insights), keyed by a hashed user id;
    // and per-deployment values, such as the secret that hashes user ids.
    name: '0005-questions-deployment',
    sql: `
      CREATE TABLE questions (
        seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        surface    TEXT NOT NULL,
        user_hash  TEXT,
        question   TEXT NOT NULL,
        outcome    TEXT NOT NULL CHECK (outcome IN ('answered', 'refused', 'failed')),
        topic      TEXT,
        answer_id  TEXT,
        created_at TIMESTAMPTZ NOT NULL
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
    sql: `
      ALTER TABLE digest_subscriptions ADD COLUMN kind TEXT NOT NULL DEFAULT 'summary' CHECK (kind IN ('summary', 'recap'));
    `,
  },
  {
    // Slack OAuth (issue 13): one sealed Installation per workspace or enterprise install (see the SQLite twin).
    name: '0007-slack-installations',
    sql: `
      CREATE TABLE slack_installations (
        key                   TEXT PRIMARY KEY,
        team_id               TEXT,
        enterprise_id         TEXT,
        is_enterprise_install BOOLEAN NOT NULL,
        installation          TEXT NOT NULL,
        installed_at          TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX slack_installations_by_enterprise ON slack_installations (enterprise_id);
    `,
  },
];
