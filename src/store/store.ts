import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { storageOpenError } from './open-error.ts';
import { migrateSqlite } from './sqlite/migrations.ts';

/** The store's file name under DATA_DIR. */
export const STORE_FILE = 'gomez.sqlite';

export type Platform = 'discord' | 'slack' | 'cli';
export type Vote = 1 | -1;

/** What the bot remembers about an answer it posted, so buttons under it keep working after a restart. */
export interface AnswerRecord {
  id: string;
  platform: Platform;
  /** 'ask' or 'quotes': which core call produced it. */
  kind: 'ask' | 'quotes';
  question: string;
  answer: string;
  /** How many quotes have been shown so far ("More quotes" continues from here). */
  shown: number;
}

export interface FeedbackTally {
  up: number;
  down: number;
}

/**
 * The bot's state (feedback, event dedupe, answer records, digest subscriptions) in one SQLite file.
 * Every write is a single statement or a transaction, so a crash never leaves half a record.
 */
export class Store {
  readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    this.migrate();
  }

  /**
   * Opens (creating if needed) `gomez.sqlite` under dataDir; `:memory:` for tests. A file that cannot
   * be used throws a StorageError naming DATA_DIR, the file and the fix (open-error.ts).
   */
  static open(dataDir: string | ':memory:'): Store {
    if (dataDir === ':memory:') return new Store(new Database(':memory:'));
    const file = join(dataDir, STORE_FILE);
    let db: Database.Database | undefined;
    try {
      mkdirSync(dataDir, { recursive: true });
      db = new Database(file);
      // Opening is lazy: the first pragma and the migrations are what read (and write) the file.
      return new Store(db);
    } catch (error) {
      try {
        db?.close();
      } catch {
        // closing a handle that never opened properly
      }
      let isDirectory = false;
      try {
        isDirectory = statSync(file).isDirectory();
      } catch {
        // no file: the error says why
      }
      throw storageOpenError(error, dataDir, file, isDirectory);
    }
  }

  /** The same schema as the async SQLite state store, so both can share one file. */
  private migrate(): void {
    migrateSqlite(this.db);
  }

  /**
   * Records a platform event key (Slack event_id, Discord interaction id…). Returns true the first time
   * a key is seen and false for every repeat: the caller answers only on true.
   */
  claimEvent(key: string, now: Date = new Date()): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO seen_events (key, seen_at) VALUES (?, ?)')
      .run(key, now.toISOString());
    return result.changes === 1;
  }

  /** Drops dedupe records older than `maxAgeMs` (platform retries stop long before a day). */
  pruneEvents(maxAgeMs = 24 * 3600_000, now: Date = new Date()): number {
    const cutoff = new Date(now.getTime() - maxAgeMs).toISOString();
    return this.db.prepare('DELETE FROM seen_events WHERE seen_at < ?').run(cutoff).changes;
  }

  saveAnswer(record: AnswerRecord, now: Date = new Date()): void {
    this.db
      .prepare(
        `INSERT INTO answers (id, platform, kind, question, answer, shown, created_at)
         VALUES (@id, @platform, @kind, @question, @answer, @shown, @created_at)
         ON CONFLICT (id) DO UPDATE SET answer = excluded.answer, shown = excluded.shown`,
      )
      .run({ ...record, created_at: now.toISOString() });
  }

  getAnswer(id: string): AnswerRecord | undefined {
    const row = this.db
      .prepare('SELECT id, platform, kind, question, answer, shown FROM answers WHERE id = ?')
      .get(id) as AnswerRecord | undefined;
    return row;
  }

  updateShown(id: string, shown: number): void {
    this.db.prepare('UPDATE answers SET shown = ? WHERE id = ?').run(shown, id);
  }

  /** One vote per user per answer: voting again replaces the earlier vote. */
  recordFeedback(
    input: { answerId: string; userId: string; platform: Platform; vote: Vote; question: string; answer: string },
    now: Date = new Date(),
  ): void {
    this.db
      .prepare(
        `INSERT INTO feedback (answer_id, user_id, platform, vote, question, answer, updated_at)
         VALUES (@answerId, @userId, @platform, @vote, @question, @answer, @updatedAt)
         ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at`,
      )
      .run({ ...input, updatedAt: now.toISOString() });
  }

  feedbackFor(answerId: string): FeedbackTally {
    const row = this.db
      .prepare(
        `SELECT COALESCE(SUM(vote = 1), 0) AS up, COALESCE(SUM(vote = -1), 0) AS down
         FROM feedback WHERE answer_id = ?`,
      )
      .get(answerId) as FeedbackTally;
    return { up: Number(row.up), down: Number(row.down) };
  }

  close(): void {
    this.db.close();
  }
}
