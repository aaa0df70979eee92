import Database from 'better-sqlite3';
import type { QueryResult, SqlDriver, SqlExecutor } from '../sql/driver.ts';
import { SerialQueue } from '../sql/serial.ts';

/** `$1 … $n` (PostgreSQL) → positional `?`, with the parameters reordered to match. */
export function toSqlitePlaceholders(sql: string, params: readonly unknown[]): { sql: string; args: unknown[] } {
  const args: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    args.push(params[Number(n) - 1]);
    return '?';
  });
  return { sql: text, args };
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only. */
function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

function execute(db: Database.Database, sql: string, params: readonly unknown[]): QueryResult {
  const { sql: text, args } = toSqlitePlaceholders(sql, params);
  const statement = db.prepare(text);
  const bound = args.map(bindable);
  if (statement.reader) {
    const rows = statement.all(...bound) as Record<string, unknown>[];
    return { rows, rowCount: rows.length };
  }
  return { rows: [], rowCount: statement.run(...bound).changes };
}

/**
 * The SQLite driver: one better-sqlite3 connection, statements run in call order so an async
 * transaction never interleaves with another caller. BEGIN IMMEDIATE takes the write lock up front,
 * so a second process on the same file waits (busy_timeout) instead of failing mid-transaction.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private readonly queue = new SerialQueue();

  constructor(private readonly db: Database.Database) {}

  query(sql: string, params: readonly unknown[] = []): Promise<QueryResult> {
    return this.queue.run(async () => execute(this.db, sql, params));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      const tx: SqlExecutor = { query: async (sql, params = []) => execute(this.db, sql, params) };
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(tx);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.run(async () => this.db.close());
  }
}
