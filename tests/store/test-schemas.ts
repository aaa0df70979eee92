import pg from 'pg';
import { afterAll } from 'vitest';
import { quoteIdent } from '../../src/store/postgres/migrate.ts';
import { TEST_DATABASE_URL, testSchema } from './engines.ts';

/**
 * Schemas for test state on the PostgreSQL test server, recycled within one test file: a schema given
 * back is emptied (every table but `schema_migrations` truncated, identities restarted) and handed to
 * the next state instead of creating and migrating another, which costs about ten times as much and
 * matters to harnesses that start afresh for every test. A recycled schema is as empty as a new one,
 * and never shared: it is taken only once given back. Whatever is left is dropped when the file ends.
 */
const spare: string[] = [];
/** Schemas this file made, to drop at its end. */
const made = new Set<string>();

// Registered when a test file first imports this (before its own hooks), so it runs after them.
afterAll(dropAll);

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty schema for one test state: a recycled one when there is one, else a new one (not yet migrated). */
export async function takeSchema(): Promise<string> {
  const recycled = spare.pop();
  if (recycled) return recycled;
  const { name } = testSchema();
  await withAdmin((client) => client.query(`CREATE SCHEMA ${quoteIdent(name)}`));
  made.add(name);
  return name;
}

/** Empties the schema for the next state of this file; a schema that cannot be emptied is dropped. */
export async function giveBack(name: string): Promise<void> {
  try {
    await withAdmin(async (client) => {
      const { rows } = await client.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'",
        [name],
      );
      if (rows.length > 0) {
        const tables = rows.map((r) => `${quoteIdent(name)}.${quoteIdent(r.tablename)}`).join(', ');
        await client.query(`TRUNCATE TABLE ${tables} RESTART IDENTITY CASCADE`);
      }
    });
    spare.push(name);
  } catch {
    await drop(name);
  }
}

async function drop(name: string): Promise<void> {
  made.delete(name);
  await withAdmin((client) => client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE`));
}

async function dropAll(): Promise<void> {
  spare.length = 0;
  await Promise.allSettled([...made].map(drop));
}
