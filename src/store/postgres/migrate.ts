import { log } from '../../log.ts';
import type { NamedMigration } from '../sql/migration.ts';
import type { PostgresDriver } from './driver.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';

/** Any constant shared by every replica: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 727_001;

/**
 * Applies the migrations not yet recorded, all in one transaction that first takes a transaction-scoped
 * advisory lock: when three replicas start together, one applies them and the others wait, then find
 * nothing left to do. The lock is released by COMMIT or ROLLBACK, even if the process dies.
 * Returns the names applied by this call.
 */
export async function migratePostgres(
  driver: Pick<PostgresDriver, 'transaction'>,
  options: { schema?: string; migrations?: NamedMigration[] } = {},
): Promise<string[]> {
  const migrations = options.migrations ?? POSTGRES_MIGRATIONS;
  return driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    if (options.schema) await tx.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query('SELECT name FROM schema_migrations')).rows.map((r) => String(r.name)));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      applied.push(migration.name);
    }
    if (applied.length > 0) log.info('store: PostgreSQL migrations applied', { applied });
    return applied;
  });
}

/** A schema name from configuration or a test, quoted as an identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
