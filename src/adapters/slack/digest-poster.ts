import type { webApi } from '@slack/bolt';
import type { GomezCore } from '../../core.ts';
import { ChannelGoneError, type DigestPoster } from '../../digest/poster.ts';
import { digestRunnerFor, type DigestRunner } from '../../digest/runner.ts';
import type { StateStore } from '../../store/state.ts';
import type { Store } from '../../store/store.ts';
import { recordDigestPost } from '../../web/metrics.ts';
import { platformErrorCode } from './config.ts';
import { postMessage } from './post.ts';
import { renderSummary } from './render.ts';

/** Slack's answers for a channel the bot can no longer post to (removed, archived, deleted). */
const CHANNEL_GONE = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/** Scheduled digests posted as Block Kit summaries; a channel the bot lost ends its subscription. */
export function slackDigestPoster(client: webApi.WebClient, core: Pick<GomezCore, 'guestName'>): DigestPoster {
  return {
    async post(subscription, digest) {
      try {
        await postMessage(client, { channel: subscription.channelId }, renderSummary(digest.summary, core.guestName));
        recordDigestPost('slack', 'posted');
      } catch (error) {
        recordDigestPost('slack', 'failed');
        const code = platformErrorCode(error);
        if (code && CHANNEL_GONE.has(code)) throw new ChannelGoneError(subscription.channelId, code);
        throw error;
      }
    },
  };
}

/** The digest runner for Slack subscriptions (the app starts it; tests tick it with their own clock). */
export function createSlackDigestRunner(options: {
  client: webApi.WebClient;
  core: GomezCore;
  store: StateStore | Store;
  clock?: () => Date;
  intervalMs?: number;
}): DigestRunner {
  return digestRunnerFor({ ...options, platform: 'slack', poster: slackDigestPoster(options.client, options.core) });
}
