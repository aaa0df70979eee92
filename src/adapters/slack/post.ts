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

/** How long an answer may take before a "thinking…" placeholder is shown (a model can take seconds). */
export const PLACEHOLDER_AFTER_MS = 1_000;
/** Shown while a slow answer is being written, then edited into it. */
export const PLACEHOLDER: SlackMessage = { text: '_Looking through the interviews…_', blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: '_Looking through the interviews…_' }] }] };
