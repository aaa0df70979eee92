import type { RespondFn, webApi } from '@slack/bolt';
import { deliver, type ChatAdapter } from '../../bot/adapter.ts';
import type { Progress } from '../../bot/bot.ts';
import type { BotReply } from '../../bot/types.ts';
import type { GomezCore } from '../../core.ts';
import { log } from '../../log.ts';
import { updateClickedMessage } from './actions/message-update.ts';
import { platformErrorCode } from './config.ts';
import type { ButtonClick } from './payloads.ts';
import { PLACEHOLDER, PLACEHOLDER_AFTER_MS, postMessage } from './post.ts';
import { renderAnswer, renderHelpText, renderNotice, renderSummary, type SlackMessage } from './render.ts';

/** Reaction that acknowledges thanks. */
export const THANKS_REACTION = 'pray';

/** Channel errors after which a slash command's answer goes through response_url instead (bot not in the channel, DMs). */
const CANNOT_POST_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/**
 * Where a Slack reply goes, by how the message arrived:
 * - `thread`: a mention, DM or thread message (replies in its thread; notices by chat.postEphemeral);
 * - `command`: a slash command (posted to the channel; notices through response_url, ephemeral);
 * - `click`: a button under an answer (the answer edited in place; notices through response_url).
 */
export interface SlackTarget {
  via: 'thread' | 'command' | 'click';
  client: webApi.WebClient;
  channel: string;
  userId: string;
  threadTs?: string;
  /** The message replied to (reactions). */
  messageTs?: string;
  respond?: RespondFn;
  click?: ButtonClick;
  /** Set once a slash command's answer is posted by the bot itself: its thread takes follow-ups. */
  postedTs?: string;
  /**
   * The "looking…" placeholder of a slow thread answer, edited into the answer (or removed for a
   * notice). Set up front (no timer) when finishing a dead replica's answer through its placeholder.
   */
  placeholder?: { timer?: NodeJS.Timeout; ts: Promise<string | undefined> | null };
  /** Told the placeholder's ts once posted (the delivery records it, so a takeover can update it). */
  onPlaceholder?: (ts: string) => Promise<void>;
}

/**
 * A progress hook for thread replies: past PLACEHOLDER_AFTER_MS a placeholder is posted, then edited
 * into the answer, so people see progress instead of silence.
 */
export function threadProgress(target: SlackTarget, afterMs = PLACEHOLDER_AFTER_MS): Progress {
  return {
    async searching() {
      // A placeholder is already there (posted by a replica that died): the answer goes into it.
      if (target.placeholder) return;
      const timer = setTimeout(() => {
        if (target.placeholder) {
          target.placeholder.ts = postMessage(target.client, { channel: target.channel, threadTs: target.threadTs }, PLACEHOLDER)
            .then(async (ts) => {
              if (ts) await target.onPlaceholder?.(ts);
              return ts;
            })
            .catch(() => undefined);
        }
      }, afterMs);
      target.placeholder = { timer, ts: null };
    },
  };
}

/** Stops a pending placeholder; returns its ts when it was posted. */
async function settlePlaceholder(target: SlackTarget): Promise<string | undefined> {
  const placeholder = target.placeholder;
  if (!placeholder) return undefined;
  clearTimeout(placeholder.timer);
  target.placeholder = undefined;
  return placeholder.ts ? await placeholder.ts : undefined;
}

export function slackAdapter(core: GomezCore): ChatAdapter<SlackTarget, SlackMessage> {
  return {
    name: 'slack',
    render(reply) {
      switch (reply.type) {
        case 'answer':
          return renderAnswer(reply.page.answer, { answerId: reply.page.answerId, moreAvailable: reply.page.moreAvailable, showQuestion: true });
        case 'summary':
          return renderSummary(reply.summary, core.guestName);
        case 'help':
          return renderHelpText(reply.help);
        case 'notice':
          return renderNotice(reply.text);
      }
    },
    async post(target, message) {
      if (target.via === 'thread') {
        const ts = await settlePlaceholder(target);
        if (ts) await target.client.chat.update({ channel: target.channel, ts, text: message.text, blocks: message.blocks });
        else await postMessage(target.client, { channel: target.channel, threadTs: target.threadTs }, message);
        return;
      }
      if (target.via === 'click') return this.edit(target, message);
      try {
        target.postedTs = await postMessage(target.client, { channel: target.channel }, message);
      } catch (error) {
        const code = platformErrorCode(error);
        if (!code || !CANNOT_POST_HERE.has(code) || !target.respond) throw error;
        log.info('slack: posting through response_url', { channel: target.channel, reason: code });
        await target.respond({ response_type: 'in_channel', text: message.text, blocks: message.blocks });
      }
    },
    async edit(target, message) {
      if (!target.click || !target.respond) throw new Error('slack: edit needs the clicked message');
      await updateClickedMessage(target.client, target.click, target.respond, message);
    },
    async postPrivately(target, message) {
      if (target.respond) {
        await target.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
        return;
      }
      // A placeholder would stay behind for everyone: remove it; the notice is for the asker alone.
      const ts = await settlePlaceholder(target);
      if (ts) await target.client.chat.delete({ channel: target.channel, ts }).catch((error: unknown) => log.warn('slack: could not remove placeholder', { error }));
      await target.client.chat.postEphemeral({
        channel: target.channel,
        user: target.userId,
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
        text: message.text,
        blocks: message.blocks,
      });
    },
    async react(target) {
      if (target.via === 'thread' && target.messageTs) {
        await target.client.reactions.add({ channel: target.channel, timestamp: target.messageTs, name: THANKS_REACTION });
        return;
      }
      await this.postPrivately(target, renderNotice('🙏 Glad it helped.'));
    },
  };
}

/** Delivers a bot reply to Slack (see deliver in src/bot/adapter.ts). */
export async function respondIn(core: GomezCore, target: SlackTarget, reply: BotReply, how: 'post' | 'edit' = 'post'): Promise<void> {
  await deliver(slackAdapter(core), target, reply, how);
  // Nothing may stay behind: a reply that posted nothing (thanks, chatter) drops a pending placeholder.
  if (target.placeholder) await settlePlaceholder(target);
}
