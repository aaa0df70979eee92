/**
 * The first SQLite migrations, applied in order and recorded in user_version, as they shipped. Frozen:
 * every later change is a named migration per dialect (sqlite/migrations.ts, postgres/migrations.ts).
 * Two more once shipped here as user_version 4 and 5 (questions and deployment; digest kind); they are
 * now named migrations that a file already at those versions records without running.
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
];
