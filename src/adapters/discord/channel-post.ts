import { DiscordAPIError, Routes, type Client } from 'discord.js';
import { z } from 'zod';
import type { Summary } from '../../answer/types.ts';
import type { GomezCore } from '../../core.ts';
import { GomezError } from '../../errors.ts';
import { renderSummaryEmbed } from './render.ts';

/** Discord's codes for "this channel is gone or closed to the bot". */
const UNREACHABLE_CODES = new Set([10003 /* Unknown Channel */, 50001 /* Missing Access */, 50013 /* Missing Permissions */]);

/** The bot can no longer post to a channel (kicked, channel deleted, permissions removed). */
export class ChannelUnreachableError extends GomezError {
  constructor(
    readonly channelId: string,
    readonly reason: string,
  ) {
    super(`cannot post to Discord channel ${channelId}: ${reason}`, "I can't post in that channel any more.");
  }
}

const PostedMessage = z.object({ id: z.string() });

/**
 * Posts a summary into a channel for everyone (scheduled digests). Mentions are never parsed.
 * A channel the bot cannot reach rejects with ChannelUnreachableError; other failures are rethrown.
 */
export async function postSummaryToChannel(
  client: Client,
  core: Pick<GomezCore, 'guestName' | 'corpus'>,
  channelId: string,
  summary: Summary,
  /** Scheduled digests: Discord refuses a second message with this nonce (enforce_nonce), so a replica
   * finishing a slot another replica already posted does not post it twice. */
  nonce?: string,
): Promise<{ messageId: string }> {
  const embed = renderSummaryEmbed(summary, {
    guestName: core.guestName,
    corpusSources: core.corpus.sources.map((s) => s.meta.title),
  });
  try {
    const posted = await client.rest.post(Routes.channelMessages(channelId), {
      body: { embeds: [embed], allowed_mentions: { parse: [] }, ...(nonce ? { nonce, enforce_nonce: true } : {}) },
    });
    return { messageId: PostedMessage.parse(posted).id };
  } catch (error) {
    if (error instanceof DiscordAPIError && (UNREACHABLE_CODES.has(Number(error.code)) || error.status === 403 || error.status === 404)) {
      throw new ChannelUnreachableError(channelId, `${error.status} ${error.message}`);
    }
    throw error;
  }
}
