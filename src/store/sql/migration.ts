/** One schema change, recorded by name in `schema_migrations` once applied. */
export interface NamedMigration {
  name: string;
  sql: string;
}
