import type { App } from '@slack/bolt';
import { z } from 'zod';
import { log } from '../../../log.ts';
import type { SlackDeps } from '../deps.ts';
import { requestWorkspace } from '../workspaces.ts';

/** `tokens_revoked`: which tokens went (user ids under `oauth`, bot user ids under `bot`). */
const TokensRevoked = z.object({ tokens: z.object({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }) });

/**
 * The app left a workspace (`app_uninstalled`), or its bot token was revoked (`tokens_revoked`, which
 * Slack also sends on uninstall): that workspace's installation and tokens are deleted (OAuth mode) and
 * its scheduled digests stop, each with the reason. Bolt delivers both events without authorizing
 * them, since the workspace has no token left. Other workspaces are untouched.
 */
export function registerUninstall(app: App, deps: SlackDeps): void {
  app.event('app_uninstalled', async ({ context }) => leave(deps, context, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    const revoked = TokensRevoked.safeParse(event);
    // Only user tokens went: the bot never uses them, so it still serves the workspace.
    if (!revoked.success || (revoked.data.tokens.bot ?? []).length === 0) return;
    await leave(deps, context, 'tokens_revoked');
  });
}

async function leave(deps: SlackDeps, context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }, reason: string): Promise<void> {
  const { ids } = requestWorkspace(deps.workspaces, context);
  await deps.workspaces.forget?.({ ...ids, isEnterpriseInstall: context.isEnterpriseInstall === true });
  const disabled = ids.teamId ? await deps.store.digests.disableWorkspace('slack', ids.teamId, reason) : 0;
  log.info('slack: the app left a workspace', { team: ids.teamId, enterprise: ids.enterpriseId, reason, digestsDisabled: disabled });
}
