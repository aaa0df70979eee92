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
];
