import { webApi, type InstallationStore } from '@slack/bolt';
import { z } from 'zod';
import { NotInstalledError } from './oauth/installation-store.ts';

/** The installation a request came through, as Bolt's context names it. */
export const WorkspaceIds = z.object({ teamId: z.string().optional(), enterpriseId: z.string().optional() });
export type WorkspaceIds = z.infer<typeof WorkspaceIds>;

/**
 * The Slack workspaces the app serves: the one of SLACK_BOT_TOKEN, or every workspace that installed it
 * (OAuth). Code that posts without a request (digests, finishing a dead replica's answer) asks it for
 * the right workspace's client.
 */
export interface SlackWorkspaces {
  /** True with the OAuth install: ids are only unique within a workspace, so keys carry its id. */
  readonly many: boolean;
  /** A Web API client with that workspace's bot token; throws NotInstalledError when it has none. */
  clientFor(ids: WorkspaceIds): Promise<webApi.WebClient>;
  /** The app left the workspace (uninstall, revoked bot token): its tokens are forgotten. */
  forget?(ids: WorkspaceIds & { isEnterpriseInstall: boolean }): Promise<void>;
}

/** One workspace: the app's own client, with SLACK_BOT_TOKEN. */
export function oneWorkspace(client: webApi.WebClient): SlackWorkspaces {
  return { many: false, clientFor: async () => client };
}

/** Many workspaces: each one's bot token is read from its (sealed) installation when needed. */
export function installedWorkspaces(installations: InstallationStore, clientOptions: webApi.WebClientOptions): SlackWorkspaces {
  return {
    many: true,
    async clientFor(ids) {
      const installation = await installations.fetchInstallation({ teamId: ids.teamId, enterpriseId: ids.enterpriseId, isEnterpriseInstall: false });
      if (!installation.bot?.token) throw new NotInstalledError(ids);
      return new webApi.WebClient(installation.bot.token, clientOptions);
    },
    async forget(ids) {
      await installations.deleteInstallation?.({ teamId: ids.teamId, enterpriseId: ids.enterpriseId, isEnterpriseInstall: ids.isEnterpriseInstall });
    },
  };
}

/**
 * The workspace that scopes a request's keys (conversations, message deliveries, rate limits, votes):
 * its team (or its org) with many workspaces; undefined with one, whose keys stay as they always were.
 */
export function workspaceKeyOf(workspaces: Pick<SlackWorkspaces, 'many'>, ids: WorkspaceIds): string | undefined {
  return workspaces.many ? (ids.teamId ?? ids.enterpriseId) : undefined;
}

/** Where a request came from: its installation's ids, and the key scope derived from them. */
export interface RequestWorkspace {
  ids: WorkspaceIds;
  /** Scopes keys (see workspaceKeyOf); undefined with one workspace. */
  key: string | undefined;
}

/** The workspace of a request, from Bolt's context (authorize fills in the team and enterprise ids). */
export function requestWorkspace(workspaces: Pick<SlackWorkspaces, 'many'>, context: { teamId?: string | undefined; enterpriseId?: string | undefined }): RequestWorkspace {
  const ids: WorkspaceIds = {
    ...(context.teamId ? { teamId: context.teamId } : {}),
    ...(context.enterpriseId ? { enterpriseId: context.enterpriseId } : {}),
  };
  return { ids, key: workspaceKeyOf(workspaces, ids) };
}
