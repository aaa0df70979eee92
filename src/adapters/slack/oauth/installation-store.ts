import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { z } from 'zod';
import type { Store } from '../../../store/store.ts';
import type { TokenCipher } from '../../../store/token-cipher.ts';

/** The row key: an org for an enterprise-wide install, else the workspace. */
function keyOf(enterpriseId: string | undefined, teamId: string | undefined, enterpriseInstall: boolean): string {
  if (enterpriseInstall && enterpriseId) return `E:${enterpriseId}`;
  if (teamId) return `T:${teamId}`;
  throw new Error('a Slack installation names neither a workspace nor an enterprise');
}

const Row = z.object({ key: z.string(), installation: z.string() });
/** What the rest of the bot relies on in a stored installation; everything else is kept as Bolt wrote it. */
const Stored = z.looseObject({
  team: z.object({ id: z.string() }).loose().optional(),
  enterprise: z.object({ id: z.string() }).loose().optional(),
  bot: z.object({ token: z.string(), userId: z.string(), id: z.string() }).loose().optional(),
  isEnterpriseInstall: z.boolean().optional(),
});

/**
 * Bolt's InstallationStore over the bot's SQLite store (table slack_installations, migration 6). Each
 * installation is sealed whole with TokenCipher, bound to its row key, so its tokens are never readable
 * in the database file and a sealed value moved to another workspace's row does not open.
 */
export class SqliteInstallationStore implements InstallationStore {
  constructor(
    private readonly store: Store,
    private readonly cipher: TokenCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const enterpriseInstall = installation.isEnterpriseInstall === true;
    const key = keyOf(installation.enterprise?.id, installation.team?.id, enterpriseInstall);
    this.store.db
      .prepare(
        `INSERT INTO slack_installations (key, team_id, enterprise_id, is_enterprise_install, installation, installed_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET installation = excluded.installation, installed_at = excluded.installed_at`,
      )
      .run(key, installation.team?.id ?? null, installation.enterprise?.id ?? null, enterpriseInstall ? 1 : 0, this.cipher.encrypt(JSON.stringify(installation), key), this.now().toISOString());
  }

  /** The installation that serves a request: the workspace's own, else its org's enterprise-wide one. */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const keys = [
      query.isEnterpriseInstall && query.enterpriseId ? `E:${query.enterpriseId}` : undefined,
      query.teamId ? `T:${query.teamId}` : undefined,
      query.enterpriseId ? `E:${query.enterpriseId}` : undefined,
    ].filter((k): k is string => k !== undefined);
    for (const key of keys) {
      const found = this.store.db.prepare('SELECT key, installation FROM slack_installations WHERE key = ?').get(key);
      if (found === undefined) continue;
      const row = Row.parse(found);
      return Stored.parse(JSON.parse(this.cipher.decrypt(row.installation, row.key))) as unknown as Installation;
    }
    throw new Error(`no Slack installation for team ${query.teamId ?? '-'} / enterprise ${query.enterpriseId ?? '-'}`);
  }

  /** Forgets an installation and its tokens (uninstall, revoked bot token). */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = keyOf(query.enterpriseId, query.teamId, query.isEnterpriseInstall === true);
    this.store.db.prepare('DELETE FROM slack_installations WHERE key = ?').run(key);
  }

  /** Workspaces (and orgs) that have the app installed. */
  installedKeys(): string[] {
    return this.store.db.prepare('SELECT key FROM slack_installations ORDER BY key').pluck().all().map(String);
  }
}
