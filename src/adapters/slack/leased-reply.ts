import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Progress } from '../../bot/bot.ts';
import { HeldWrites } from '../../bot/held-writes.ts';
import { DeliveryLease, type Finisher } from '../../bot/lease.ts';
import { log } from '../../log.ts';
import { recordDedupeHit } from '../../web/metrics.ts';
import { respondIn, threadProgress, type SlackTarget } from './chat-adapter.ts';
import type { SlackDeps } from './deps.ts';
import { NotInstalledError } from './oauth/installation-store.ts';

/** A message for the bot, as a delivery row keeps it (so another replica can answer it). */
export const IncomingMessage = z.object({
  userId: z.string(),
  /** Plain text of the message, the bot's mention removed. */
  text: z.string(),
  channel: z.string(),
  /** The thread the reply goes in (absent for a DM's top level). */
  threadTs: z.string().optional(),
  /** The message's own ts (reactions). */
  ts: z.string(),
  /** Conversation whose earlier turns (of this person) are the context of this one. */
  conversation: z.string(),
  delivery: z.enum(['mention', 'command', 'direct', 'thread']),
  /** The installation it came through (many workspaces: another replica finishes with that workspace's token). */
  teamId: z.string().optional(),
  enterpriseId: z.string().optional(),
  /** Scopes its keys when the app serves many workspaces (workspaces.ts). */
  workspace: z.string().optional(),
});
export type IncomingMessage = z.infer<typeof IncomingMessage>;

/** Where a placeholder already stands, as recorded on the delivery. */
const Placeholder = z.object({ ts: z.string() });

/**
 * One delivery per Slack message: app_mention and message events both arrive for a mention in a
 * followed thread. With many workspaces the key carries the workspace (ids are unique only within one).
 */
export function messageKey(channel: string, ts: string, workspace?: string): string {
  return workspace ? `slack:message:${workspace}:${channel}:${ts}` : `slack:message:${channel}:${ts}`;
}

/** Claims the message for this replica; undefined (counted as a dedupe hit) when another already has it. */
export async function claimMessage(deps: SlackDeps, incoming: IncomingMessage): Promise<DeliveryLease | undefined> {
  const lease = await DeliveryLease.claim(deps.state, { key: messageKey(incoming.channel, incoming.ts, incoming.workspace), platform: 'slack', payload: incoming, leaseMs: deps.leaseMs });
  if (!lease) recordDedupeHit('slack');
  return lease;
}

/**
 * Answers a claimed message under its lease: the placeholder's ts is recorded as soon as it is posted,
 * the lease is pushed on while answering, and the answer record and turns are written in the same
 * transaction that marks the delivery done, after the reply is posted (updating a placeholder again is
 * harmless; a second post is not).
 */
export async function answerUnderLease(
  deps: SlackDeps,
  client: webApi.WebClient,
  lease: DeliveryLease,
  incoming: IncomingMessage,
  options: { progress?: (target: SlackTarget) => Progress; placeholderTs?: string } = {},
): Promise<void> {
  const target: SlackTarget = {
    via: 'thread',
    client,
    channel: incoming.channel,
    userId: incoming.userId,
    threadTs: incoming.threadTs,
    messageTs: incoming.ts,
    onPlaceholder: (ts) => lease.placeholder({ ts }).catch((error: unknown) => log.warn('slack: could not record the placeholder', { error })),
    ...(options.placeholderTs ? { placeholder: { ts: Promise.resolve(options.placeholderTs) } } : {}),
  };
  const held = new HeldWrites(deps.state);
  const bot = deps.bot.withState(held);
  await lease.whileHeld(async () => {
    const reply = await bot.handle(
      {
        surface: 'slack',
        userId: incoming.userId,
        conversation: incoming.conversation,
        text: incoming.text,
        delivery: incoming.delivery,
        ...(incoming.workspace ? { workspace: incoming.workspace } : {}),
      },
      (options.progress ?? threadProgress)(target),
    );
    await respondIn(deps.core, target, reply);
  });
  await lease.complete(held.writes());
}

/**
 * Finishes what a dead replica left: a message is answered through the placeholder it posted (or in a
 * new message when it had posted none), with the token of the message's workspace. An event or trigger
 * claim carries nothing to finish: its message has a delivery of its own, or it was a command or click
 * Slack showed as failed.
 */
export function slackFinisher(deps: SlackDeps): Finisher {
  return async (lease) => {
    const incoming = IncomingMessage.safeParse(lease.delivery.payload);
    if (!lease.key.startsWith('slack:message:') || !incoming.success) {
      await lease.complete();
      return;
    }
    const placeholder = Placeholder.safeParse(lease.delivery.placeholder);
    let client: webApi.WebClient;
    try {
      client = await deps.workspaces.clientFor({ teamId: incoming.data.teamId, enterpriseId: incoming.data.enterpriseId });
    } catch (error) {
      if (!(error instanceof NotInstalledError)) throw error;
      // The workspace uninstalled the app meanwhile: there is nobody to answer there any more.
      log.info('slack: not finishing an answer for a workspace that uninstalled the app', { key: lease.key });
      await lease.fail();
      return;
    }
    await answerUnderLease(deps, client, lease, incoming.data, placeholder.success ? { placeholderTs: placeholder.data.ts } : {});
  };
}
