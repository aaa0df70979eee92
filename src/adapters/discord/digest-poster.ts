import type { Client } from 'discord.js';
import type { GomezCore } from '../../core.ts';
import { ChannelGoneError, type DigestPoster } from '../../digest/poster.ts';
import { digestRunnerFor, type DigestRunner } from '../../digest/runner.ts';
import type { StateStore } from '../../store/state.ts';
import { recordDigestPost } from '../../web/metrics.ts';
import { ChannelUnreachableError, postSummaryToChannel } from './channel-post.ts';

/** Scheduled digests posted as summary embeds; a channel the bot lost access to ends its subscription. */
export function discordDigestPoster(client: Client, core: Pick<GomezCore, 'guestName' | 'corpus'>): DigestPoster {
  return {
    async post(subscription, digest) {
      try {
        await postSummaryToChannel(client, core, subscription.channelId, digest.summary, digest.nonce);
        recordDigestPost('discord', 'posted');
      } catch (error) {
        recordDigestPost('discord', 'failed');
        if (error instanceof ChannelUnreachableError) throw new ChannelGoneError(subscription.channelId, error.reason);
        throw error;
      }
    },
  };
}

/** The digest runner for Discord subscriptions (the bot starts it; tests tick it with their own clock). */
export function createDiscordDigestRunner(options: {
  client: Client;
  core: GomezCore;
  store: StateStore;
  clock?: () => Date;
  intervalMs?: number;
}): DigestRunner {
  return digestRunnerFor({ ...options, platform: 'discord', poster: discordDigestPoster(options.client, options.core) });
}
