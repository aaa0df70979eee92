import { z } from 'zod';
import type { Installation, InstallationStore, Platform } from '../state.ts';
import type { SqlExecutor } from './driver.ts';
import { instant, jsonText, parseFirst, platform } from './rows.ts';

const InstallationRow = z
  .object({ platform, team_id: z.string(), data: jsonText, installed_at: instant, updated_at: instant })
  .transform((r): Installation => ({
    platform: r.platform,
    teamId: r.team_id,
    data: r.data,
    installedAt: r.installed_at,
    updatedAt: r.updated_at,
  }));

/**
 * Platform installations (Slack OAuth installs one per workspace). The store keeps `data` as given; the
 * installer encrypts tokens before they reach it.
 */
export class SqlInstallationStore implements InstallationStore {
  constructor(private readonly db: SqlExecutor) {}

  async save(platform: Platform, teamId: string, data: unknown, now: Date = new Date()): Promise<void> {
    await this.db.query(
      `INSERT INTO installations (platform, team_id, data, installed_at, updated_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (platform, team_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [platform, teamId, JSON.stringify(data), now.toISOString()],
    );
  }

  async get(platform: Platform, teamId: string): Promise<Installation | undefined> {
    const { rows } = await this.db.query('SELECT * FROM installations WHERE platform = $1 AND team_id = $2', [platform, teamId]);
    return parseFirst(InstallationRow, rows);
  }

  async remove(platform: Platform, teamId: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM installations WHERE platform = $1 AND team_id = $2', [platform, teamId])).rowCount === 1;
  }
}
