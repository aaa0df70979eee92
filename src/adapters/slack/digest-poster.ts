import type { webApi } from '@slack/bolt';
import type { GomezCore } from '../../core.ts';
import { ChannelGoneError, type DigestPoster } from '../../digest/poster.ts';
import { digestRunnerFor, type DigestRunner } from '../../digest/runner.ts';
import type { StateStore } from '../../store/state.ts';
import { recordDigestPost } from '../../web/metrics.ts';
import { platformErrorCode } from './config.ts';
import { NotInstalledError } from './oauth/installation-store.ts';
import { postMessage } from './post.ts';
import { renderSummary } from './render.ts';
import { oneWorkspace, type SlackWorkspaces } from './workspaces.ts';

/** Slack's answers for a channel the bot can no longer post to (removed, archived, deleted). */
const CHANNEL_GONE = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/**
 * Scheduled digests posted as Block Kit summaries, with the token of the subscription's workspace; a
 * channel the bot lost, or a workspace that uninstalled the app, ends its subscription.
 */
export function slackDigestPoster(workspaces: SlackWorkspaces, core: Pick<GomezCore, 'guestName'>): DigestPoster {
  return {
    async post(subscription, digest) {
      try {
        const client = await workspaces.clientFor(subscription.workspaceId ? { teamId: subscription.workspaceId } : {});
        await postMessage(client, { channel: subscription.channelId }, renderSummary(digest.summary, core.guestName));
        recordDigestPost('slack', 'posted');
      } catch (error) {
        recordDigestPost('slack', 'failed');
        if (error instanceof NotInstalledError) throw new ChannelGoneError(subscription.channelId, 'app_uninstalled');
        const code = platformErrorCode(error);
        if (code && CHANNEL_GONE.has(code)) throw new ChannelGoneError(subscription.channelId, code);
        throw error;
      }
    },
  };
}

/**
 * The digest runner for Slack subscriptions (the app starts it; tests tick it with their own clock):
 * with one workspace's `client`, or with the `workspaces` the app serves.
 */
export function createSlackDigestRunner(
  options: ({ client: webApi.WebClient } | { workspaces: SlackWorkspaces }) & {
    core: GomezCore;
    store: StateStore;
    clock?: () => Date;
    intervalMs?: number;
  },
): DigestRunner {
  const workspaces = 'workspaces' in options ? options.workspaces : oneWorkspace(options.client);
  return digestRunnerFor({
    core: options.core,
    store: options.store,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
    platform: 'slack',
    poster: slackDigestPoster(workspaces, options.core),
    keysByWorkspace: workspaces.many,
  });
}
