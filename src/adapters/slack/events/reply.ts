import type { webApi } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import { answerUnderLease, claimMessage, type IncomingMessage } from '../leased-reply.ts';

export type { IncomingMessage };

/**
 * Hands one message to the bot and delivers what it decides: an answer or help in the thread, a
 * reaction for thanks, nothing for chatter, private notices for limits and failures. Each message is
 * answered once, whichever event delivered it and whichever replica it reached (a delivery lease).
 */
export async function replyToMessage(deps: SlackDeps, client: webApi.WebClient, incoming: IncomingMessage): Promise<void> {
  const lease = await claimMessage(deps, incoming);
  if (lease) await answerUnderLease(deps, client, lease, incoming);
}
