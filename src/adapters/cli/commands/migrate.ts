import { migrateState } from '../../../store/open-state.ts';
import { println, type Io } from '../io.ts';
import { contextFrom, parseCommandArgs } from '../options.ts';

const USAGE = 'gomez migrate';

/**
 * `gomez migrate`: applies the store's pending migrations (PostgreSQL when DATABASE_URL is set, else the
 * SQLite file in DATA_DIR) and exits. Replicas also migrate on start; running this first, once per
 * release, keeps schema changes out of the start-up path. Safe to run from several places at once.
 */
export async function runMigrate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {}, USAGE);
  if (values.help) {
    println(io.stdout, `usage: ${USAGE}`);
    return 0;
  }
  if (positionals.length > 0) {
    println(io.stderr, `gomez migrate: unexpected argument "${positionals[0]}"\n\nusage: ${USAGE}`);
    return 2;
  }
  const ctx = contextFrom(values.corpus);
  const { engine, applied } = await migrateState({ databaseUrl: ctx.env.DATABASE_URL, dataDir: ctx.dataDir });
  const where = engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite (${ctx.dataDir})`;
  println(io.stdout, applied.length === 0 ? `${where}: already up to date.` : `${where}: applied ${applied.join(', ')}.`);
  return 0;
}
