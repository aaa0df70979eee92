import pg from 'pg';
import { StoreUnavailableError } from '../../errors.ts';
import { log } from '../../log.ts';
import type { RateLimitStoreClient } from '../question-limits.ts';
import type { QueryResult, SqlDriver, SqlExecutor } from '../sql/driver.ts';

export interface PostgresOptions {
  connectionString: string;
  /** A schema to work in (created by the migrations); tests give each run its own. */
  schema?: string;
  /** Connections in this replica's pool. */
  max?: number;
  /** How long opening a connection may take before a query fails (an outage fails fast, politely). */
  connectTimeoutMs?: number;
  /**
   * How long a query may wait for a connection of a pool whose connections are all busy. That is load,
   * not an outage: a burst of answers queues here rather than failing after connectTimeoutMs.
   */
  busyWaitMs?: number;
}

/** A burst on one replica queues for its pool; past this it is failed (and reported as unavailable). */
const BUSY_WAIT_MS = 30_000;

/**
 * pg-pool uses one `connectionTimeoutMillis` both for opening a connection and for waiting for a busy
 * pool's free one; this client keeps the short limit for opening, so the pool's can be the long one.
 */
function clientOpeningWithin(connectTimeoutMs: number): typeof pg.Client {
  return class extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(typeof config === 'string' ? { connectionString: config, connectionTimeoutMillis: connectTimeoutMs } : { ...config, connectionTimeoutMillis: connectTimeoutMs });
    }
  };
}

/** A script of several statements (a migration) yields one result each: the last one is the answer. */
/** Socket errors and the SQLSTATE classes of a server that is down, starting or gone (08, 57P). */
function isOutage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (/^(ECONN|ETIMEDOUT|ENOTFOUND|EPIPE|EHOSTUNREACH)/.test(code) || /^(08|57P)/.test(code))) return true;
  // "timeout expired": opening a connection took longer than connectTimeoutMs (pg's own client timer).
  return error instanceof Error && /Connection terminated|connection timeout|timeout expired|timeout exceeded when trying to connect/i.test(error.message);
}

/** An outage becomes StoreUnavailableError (a polite retry-later for the user); other errors pass as they are. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isOutage(error) ? new StoreUnavailableError({ cause: error }) : error;
  }
}

function result(r: pg.QueryResult | pg.QueryResult[]): QueryResult {
  if (Array.isArray(r)) return r.length > 0 ? result(r[r.length - 1]!) : { rows: [], rowCount: 0 };
  return { rows: r.rows as Record<string, unknown>[], rowCount: r.rowCount ?? r.rows.length };
}

/** PostgreSQL through a `pg` pool: each transaction on one pooled connection. */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly rateLimitClient: RateLimitStoreClient;

  constructor(options: PostgresOptions) {
    const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      Client: clientOpeningWithin(connectTimeoutMs),
      connectionTimeoutMillis: Math.max(connectTimeoutMs, options.busyWaitMs ?? BUSY_WAIT_MS),
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // An idle connection dropped by the server (restart, outage) must not crash the process: the pool
    // replaces it, and the next query reports the outage to its caller.
    this.rateLimitClient = { client: this.pool, type: 'pool' as const };
    this.pool.on('error', (error) => log.warn('store: idle PostgreSQL connection lost', { error: error.message }));
  }

  query(sql: string, params: readonly unknown[] = []): Promise<QueryResult> {
    return guarded(async () => result((await this.pool.query(sql, params as unknown[])) as pg.QueryResult | pg.QueryResult[]));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return guarded(() => this.inTransaction(work));
  }

  private async inTransaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const value = await work({ query: async (sql, params = []) => result((await client.query(sql, params as unknown[])) as pg.QueryResult | pg.QueryResult[]) });
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      // A connection that could not even roll back is destroyed rather than reused.
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
