import { z } from 'zod';
import type { SealedSlackInstallation, SlackInstallationStore } from '../state.ts';
import type { SqlDriver } from './driver.ts';
import { flag, instant, parseFirst } from './rows.ts';

const Row = z
  .object({
    key: z.string(),
    team_id: z.string().nullable(),
    enterprise_id: z.string().nullable(),
    is_enterprise_install: flag,
    installation: z.string(),
    installed_at: instant,
  })
  .transform(
    (r): SealedSlackInstallation => ({
      key: r.key,
      teamId: r.team_id,
      enterpriseId: r.enterprise_id,
      enterpriseInstall: r.is_enterprise_install,
      sealed: r.installation,
      installedAt: r.installed_at,
    }),
  );

/**
 * Table slack_installations (migration 0007 in both dialects). The store never sees a token: the
 * installation arrives sealed (src/adapters/slack/oauth/installation-store.ts) and is kept as given.
 */
export class SqlSlackInstallationStore implements SlackInstallationStore {
  constructor(private readonly db: SqlDriver) {}

  async save(installation: Omit<SealedSlackInstallation, 'installedAt'>, now: Date = new Date()): Promise<void> {
    // SQLite keeps the flag as 0/1, PostgreSQL as a BOOLEAN.
    const enterprise = this.db.dialect === 'postgres' ? installation.enterpriseInstall : installation.enterpriseInstall ? 1 : 0;
    await this.db.query(
      `INSERT INTO slack_installations (key, team_id, enterprise_id, is_enterprise_install, installation, installed_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
         is_enterprise_install = excluded.is_enterprise_install, installation = excluded.installation, installed_at = excluded.installed_at`,
      [installation.key, installation.teamId, installation.enterpriseId, enterprise, installation.sealed, now.toISOString()],
    );
  }

  async get(key: string): Promise<SealedSlackInstallation | undefined> {
    const { rows } = await this.db.query('SELECT * FROM slack_installations WHERE key = $1', [key]);
    return parseFirst(Row, rows);
  }

  async remove(key: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM slack_installations WHERE key = $1', [key])).rowCount === 1;
  }

  async keys(): Promise<string[]> {
    const { rows } = await this.db.query('SELECT key FROM slack_installations ORDER BY key');
    return rows.map((row) => z.object({ key: z.string() }).parse(row).key);
  }
}
