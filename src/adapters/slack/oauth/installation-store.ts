import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { z } from 'zod';
import { log } from '../../../log.ts';
import type { SlackInstallationStore } from '../../../store/state.ts';
import type { TokenCipher } from '../../../store/token-cipher.ts';

/** The row key: an org for an enterprise-wide install, else the workspace. */
export function installationKey(ids: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string {
  if (ids.isEnterpriseInstall && ids.enterpriseId) return `E:${ids.enterpriseId}`;
  if (ids.teamId) return `T:${ids.teamId}`;
  throw new Error('a Slack installation names neither a workspace nor an enterprise');
}

/** What the rest of the bot relies on in a stored installation; everything else is kept as Bolt wrote it. */
const Stored = z.looseObject({
  team: z.object({ id: z.string() }).loose().optional(),
  enterprise: z.object({ id: z.string() }).loose().optional(),
  bot: z.object({ token: z.string(), userId: z.string(), id: z.string() }).loose().optional(),
  isEnterpriseInstall: z.boolean().optional(),
});

/** No installation serves a request's workspace (never installed, or uninstalled since). */
export class NotInstalledError extends Error {
  constructor(query: { teamId?: string | undefined; enterpriseId?: string | undefined }) {
    super(`no Slack installation for team ${query.teamId ?? '-'} / enterprise ${query.enterpriseId ?? '-'}`);
    this.name = 'NotInstalledError';
  }
}

/**
 * Bolt's InstallationStore over the state store (SQLite or PostgreSQL, table slack_installations). Each
 * installation is sealed whole with TokenCipher, bound to its row key, so its tokens are never readable
 * in the database and a sealed value moved to another workspace's row does not open.
 */
export class SealedInstallationStore implements InstallationStore {
  constructor(
    private readonly rows: SlackInstallationStore,
    private readonly cipher: TokenCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const enterpriseInstall = installation.isEnterpriseInstall === true;
    const key = installationKey({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: enterpriseInstall });
    await this.rows.save(
      {
        key,
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        enterpriseInstall,
        sealed: this.cipher.encrypt(JSON.stringify(installation), key),
      },
      this.now(),
    );
    log.info('slack: installed', { installation: key });
  }

  /** The installation that serves a request: the workspace's own, else its org's enterprise-wide one. */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const keys = [
      query.isEnterpriseInstall && query.enterpriseId ? `E:${query.enterpriseId}` : undefined,
      query.teamId ? `T:${query.teamId}` : undefined,
      query.enterpriseId ? `E:${query.enterpriseId}` : undefined,
    ].filter((k): k is string => k !== undefined);
    for (const key of keys) {
      const row = await this.rows.get(key);
      if (row === undefined) continue;
      return Stored.parse(JSON.parse(this.cipher.decrypt(row.sealed, row.key))) as unknown as Installation;
    }
    throw new NotInstalledError(query);
  }

  /** Forgets an installation and its tokens (uninstall, revoked bot token). */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = installationKey(query);
    if (await this.rows.remove(key)) log.info('slack: installation removed', { installation: key });
  }

  /** Workspaces (and orgs) that have the app installed. */
  installedKeys(): Promise<string[]> {
    return this.rows.keys();
  }
}
