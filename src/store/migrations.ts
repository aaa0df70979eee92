/**
 * Schema migrations, applied in order and recorded in SQLite's user_version. Append only: never edit
 * a migration that has shipped, add a new one.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE feedback (
    answer_id  TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    platform   TEXT NOT NULL,
    vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    question   TEXT NOT NULL,
    answer     TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (answer_id, user_id)
  );
  CREATE TABLE seen_events (
    key     TEXT PRIMARY KEY,
    seen_at TEXT NOT NULL
  );
  CREATE TABLE answers (
    id         TEXT PRIMARY KEY,
    platform   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    question   TEXT NOT NULL,
    answer     TEXT NOT NULL,
    shown      INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  // 2: conversation turns (Slack threads the bot answered in), so follow-ups keep their context across restarts.
  `
  CREATE TABLE conversation_turns (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation TEXT NOT NULL,
    question     TEXT NOT NULL,
    answer       TEXT NOT NULL,
    answer_id    TEXT,
    created_at   TEXT NOT NULL
  );
  CREATE INDEX conversation_turns_by_conversation ON conversation_turns (conversation, seq);
  CREATE INDEX conversation_turns_by_answer ON conversation_turns (answer_id);
  `,
  // 3: scheduled digests, one subscription per channel; schedule state and rotation memory survive restarts.
  `
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
    next_due_at     TEXT NOT NULL,
    last_sent_at    TEXT,
    last_themes     TEXT NOT NULL DEFAULT '[]',
    last_quotes     TEXT NOT NULL DEFAULT '[]',
    seen_sources    TEXT NOT NULL DEFAULT '[]',
    failures        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    UNIQUE (platform, channel_id)
  );
  CREATE INDEX digest_subscriptions_due ON digest_subscriptions (active, next_due_at);
  `,
  // 4: every question asked on a platform and how it went (curator insights), keyed by a hashed user id;
  // and per-deployment values, such as the secret that hashes user ids.
  `
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
  // 5: what a scheduled post is: the digest of the interviews ('summary') or the channel's recap ('recap').
  `
  ALTER TABLE digest_subscriptions ADD COLUMN kind TEXT NOT NULL DEFAULT 'summary' CHECK (kind IN ('summary', 'recap'));
  `,
  // 6 (Slack OAuth, issue 13): one row per Slack installation (a workspace, or an org for an enterprise
  // install). `installation` is Bolt's Installation as JSON, sealed with SLACK_TOKEN_ENCRYPTION_KEY
  // (src/store/token-cipher.ts): the tokens are never stored readable. Ids stay plain for lookups.
  `
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
];
