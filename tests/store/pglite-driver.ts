import { PGlite, type Results } from '@electric-sql/pglite';
import type { QueryResult, SqlDriver, SqlExecutor } from '../../src/store/sql/driver.ts';
import type { RateLimitStoreClient } from '../../src/store/question-limits.ts';

type Runner = Pick<PGlite, 'query' | 'exec'>;

function result(r: Results): QueryResult {
  return { rows: r.rows as Record<string, unknown>[], rowCount: r.rowCount ?? r.affectedRows ?? r.rows.length };
}

/** Statements without parameters may be scripts (migrations): those go through exec, the rest through query. */
async function run(db: Runner, sql: string, params: readonly unknown[]): Promise<QueryResult> {
  if (params.length > 0) return result(await db.query(sql, [...params]));
  const all = await db.exec(sql);
  return result(all[all.length - 1] ?? { rows: [], fields: [] });
}

/**
 * PostgreSQL in WebAssembly, for running the store contract on a machine without a PostgreSQL
 * server. One connection: right for the contract, not for the concurrency cases.
 */
export class PgliteDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly rateLimitClient: RateLimitStoreClient;

  private constructor(private readonly db: PGlite) {
    // rate-limiter-flexible calls query({ text, values }) on a "client".
    this.rateLimitClient = {
      type: 'client',
      client: { query: async (q: { text: string; values?: unknown[] }) => result(await db.query(q.text, q.values ?? [])) },
    };
  }

  static async create(): Promise<PgliteDriver> {
    return new PgliteDriver(await PGlite.create());
  }

  query(sql: string, params: readonly unknown[] = []): Promise<QueryResult> {
    return run(this.db, sql, params);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work({ query: (sql, params = []) => run(tx, sql, params) }));
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
