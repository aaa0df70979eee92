import { IANAZone } from 'luxon';
import { listSubscriptions, subscribe, unsubscribe, type DigestActor, type DigestCommandDeps } from '../../../digest/commands.ts';
import { InputError } from '../../../errors.ts';
import { log } from '../../../log.ts';
import { fitText } from '../fit.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { LIMITS, renderNotice, type SlackMessage } from '../render.ts';
import type { SlashContext, Subcommand } from './types.ts';

/**
 * `/gomez digest subscribe daily 09:00 [Europe/London] [topic]`, `/gomez digest list`,
 * `/gomez digest unsubscribe`: scheduled digests for the channel. The person who set a channel's digest
 * up, and workspace admins and owners (users.info), may change it. Replies are private to the caller.
 */
const USAGE = 'Usage: /gomez digest subscribe daily|weekly HH:MM [time zone, e.g. Europe/London] [topic | recap] · /gomez digest list · /gomez digest unsubscribe';

interface UserInfo {
  user?: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean };
}

/** Workspace admins and owners may manage every channel's digest. */
async function isWorkspaceAdmin(ctx: SlashContext): Promise<boolean> {
  try {
    const info: UserInfo = await ctx.client.users.info({ user: ctx.command.user_id });
    return Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
  } catch (error) {
    log.warn('slack: users.info failed; treating the user as not an admin', { user: ctx.command.user_id, error });
    return false;
  }
}

async function actorOf(ctx: SlashContext): Promise<DigestActor> {
  return {
    platform: 'slack',
    channelId: ctx.command.channel_id,
    workspaceId: ctx.command.team_id ?? null,
    userId: ctx.command.user_id,
    canManage: await isWorkspaceAdmin(ctx),
  };
}

/** "daily 09:00 Europe/London synthetic data" → its parts; the zone is optional (a word with a "/" or UTC). */
export function parseSubscribeArgs(words: string[]): { every: string; time: string; timezone: string | null; topic: string | null; kind: 'summary' | 'recap' } {
  const [every, time, ...rest] = words;
  if (!every || !time) throw new InputError(USAGE);
  const zoneLike = rest[0] !== undefined && (rest[0].includes('/') || /^(utc|gmt)$/i.test(rest[0]) || IANAZone.isValidZone(rest[0]));
  const timezone = zoneLike ? rest[0]! : null;
  const topic = (zoneLike ? rest.slice(1) : rest).join(' ').trim();
  // "recap" in place of a topic schedules the channel's recap instead of the digest of the interviews.
  if (/^recap$/i.test(topic)) return { every, time, timezone, topic: null, kind: 'recap' };
  return { every, time, timezone, topic: topic || null, kind: 'summary' };
}

function trusted(mrkdwn: string): SlackMessage {
  const text = fitText(mrkdwn, LIMITS.sectionText);
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

export const digestCommand = {
  name: 'digest',
  usage: '/gomez digest subscribe daily|weekly HH:MM [time zone] [topic | recap] · list · unsubscribe',
  description: "scheduled digests in this channel (the subscriber or an admin can change them)",
  rateLimited: false,
  async run(ctx, args) {
    const [action = '', ...rest] = args.trim().split(/\s+/).filter(Boolean);
    const deps: DigestCommandDeps = { subscriptions: ctx.deps.store.digests, core: ctx.deps.core };
    switch (action.toLowerCase()) {
      case 'subscribe':
        await ctx.replyPrivately(renderNotice(await subscribe(deps, await actorOf(ctx), parseSubscribeArgs(rest))));
        return;
      case 'unsubscribe':
        await ctx.replyPrivately(renderNotice(await unsubscribe(deps, await actorOf(ctx))));
        return;
      case 'list': {
        const actor: DigestActor = { platform: 'slack', channelId: ctx.command.channel_id, workspaceId: ctx.command.team_id ?? null, userId: ctx.command.user_id, canManage: false };
        await ctx.replyPrivately(trusted(await listSubscriptions(deps, actor, { channel: (id) => `<#${id.replace(/[^A-Z0-9]/gi, '')}>`, text: escapeMrkdwn })));
        return;
      }
      default:
        await ctx.replyPrivately(renderNotice(USAGE));
    }
  },
} satisfies Subcommand;
