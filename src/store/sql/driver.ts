import type { RateLimitStoreClient } from '../question-limits.ts';

/**
 * The few things the state store needs from a SQL engine. SQL is written once, PostgreSQL style
 * (`$1` placeholders); each driver adapts it to its engine. Rows come back untyped and are parsed with
 * zod by the store, never cast.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface QueryResult {
  rows: Record<string, unknown>[];
  /** Rows inserted, updated or deleted (or returned by a SELECT). */
  rowCount: number;
}

/** Runs statements on one connection (a transaction's, or the pool's). */
export interface SqlExecutor {
  query(sql: string, params?: readonly unknown[]): Promise<QueryResult>;
}

export interface SqlDriver extends SqlExecutor {
  readonly dialect: Dialect;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** PostgreSQL only: the client rate-limiter-flexible shares question limits through. */
  readonly rateLimitClient?: RateLimitStoreClient;
  close(): Promise<void>;
}
