import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresDriver, type PostgresOptions } from './postgres/driver.ts';
import { migratePostgres } from './postgres/migrate.ts';
import { storageOpenError } from './open-error.ts';
import { SqlStateStore } from './sql/state-store.ts';
import { SqliteDriver } from './sqlite/driver.ts';
import { migrateSqlite } from './sqlite/migrations.ts';
import type { StateStore } from './state.ts';

/** The SQLite state file's name under DATA_DIR. */
export const STORE_FILE = 'gomez.sqlite';

export interface StateLocation {
  /** PostgreSQL connection string; unset means the SQLite file under `dataDir`. */
  databaseUrl?: string | undefined;
  /** Directory of `gomez.sqlite`, or `:memory:` (tests). */
  dataDir: string;
  /** PostgreSQL schema to work in (tests isolate themselves with one). */
  schema?: string;
  /** Apply pending migrations while opening (default true; `gomez migrate` does it explicitly). */
  migrate?: boolean;
  /** PostgreSQL pool size and connect timeout. */
  postgres?: Pick<PostgresOptions, 'max' | 'connectTimeoutMs'>;
}

/**
 * Opens (creating if needed) `gomez.sqlite` under dataDir in WAL mode, migrated; `:memory:` for tests.
 * A file that cannot be used throws a StorageError naming DATA_DIR, the file and the fix (open-error.ts).
 */
export function openSqliteDatabase(dataDir: string, migrate = true): Database.Database {
  const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, STORE_FILE);
  let db: Database.Database | undefined;
  try {
    if (dataDir !== ':memory:') mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
    // Opening is lazy: the first pragma and the migrations are what read (and write) the file.
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    if (migrate) migrateSqlite(db);
    return db;
  } catch (error) {
    try {
      db?.close();
    } catch {
      // closing a handle that never opened properly
    }
    if (dataDir === ':memory:') throw error;
    // A damaged file, an unwritable DATA_DIR or a directory in the file's place: named, with the fix.
    throw storageOpenError(error, dataDir, file, isDirectory(file));
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The state store the configuration asks for: PostgreSQL when DATABASE_URL is set (shared by every
 * replica), else the SQLite file in DATA_DIR. Migrations are applied on the way in unless told not to.
 */
export async function openStateStore(location: StateLocation): Promise<StateStore> {
  if (!location.databaseUrl) return new SqlStateStore(new SqliteDriver(openSqliteDatabase(location.dataDir, location.migrate ?? true)));
  const driver = new PostgresDriver({
    connectionString: location.databaseUrl,
    ...(location.schema ? { schema: location.schema } : {}),
    ...location.postgres,
  });
  try {
    if (location.migrate ?? true) await migratePostgres(driver, location.schema ? { schema: location.schema } : {});
  } catch (error) {
    await driver.close();
    throw error;
  }
  return new SqlStateStore(driver);
}

/** Applies pending migrations and closes: `gomez migrate`. Returns the names applied. */
export async function migrateState(location: Omit<StateLocation, 'migrate'>): Promise<{ engine: 'sqlite' | 'postgres'; applied: string[] }> {
  if (!location.databaseUrl) {
    const db = openSqliteDatabase(location.dataDir, false);
    try {
      return { engine: 'sqlite', applied: migrateSqlite(db) };
    } finally {
      db.close();
    }
  }
  const driver = new PostgresDriver({ connectionString: location.databaseUrl, ...(location.schema ? { schema: location.schema } : {}) });
  try {
    return { engine: 'postgres', applied: await migratePostgres(driver, location.schema ? { schema: location.schema } : {}) };
  } finally {
    await driver.close();
  }
}
