import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './render.ts';

type WebClient = webApi.WebClient;

/** Where a reply goes: a channel, optionally inside a thread. */
export interface Place {
  channel: string;
  threadTs?: string;
}

/**
 * Posts a rendered message. No `link_names` (names are never turned into pings) and no unfurls (a
 * source link should not grow a preview under every quote). Returns the new message's ts.
 */
export async function postMessage(client: WebClient, place: Place, message: SlackMessage): Promise<string | undefined> {
  const result = await client.chat.postMessage({
    channel: place.channel,
    ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  return result.ts;
}
