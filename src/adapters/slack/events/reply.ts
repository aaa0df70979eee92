import type { webApi } from '@slack/bolt';
import { userMessageFor } from '../../../errors.ts';
import { log } from '../../../log.ts';
import { recordDedupeHit } from '../../../web/metrics.ts';
import { checkRateLimit, prepareAnswer } from '../answers.ts';
import type { SlackDeps } from '../deps.ts';
import { intentOf } from '../intents.ts';
import { postMessage, postWithProgress, type Place } from '../post.ts';
import { renderNotice, renderSummary } from '../render.ts';
import { channelRecap, recapDays } from '../../../digest/channel-recap.ts';
import { prepareSummary } from '../summaries.ts';

/** A message the bot decided to answer (a mention, a DM, a follow-up in a thread it answered in). */
export interface IncomingQuestion {
  userId: string;
  /** Plain text of the message, the bot's mention removed. */
  text: string;
  /** Where the reply goes. */
  place: Place;
  /** Conversation whose earlier turns are the context of this one. */
  conversation: string;
  /** Channel and ts of the message: one reply per message, whichever event delivered it. */
  messageKey: string;
}

/**
 * Answers one message in its conversation. A failure becomes a short reply in the same place and a log
 * line with the detail; it never propagates, so one bad event cannot stop the app.
 */
export async function replyToMessage(deps: SlackDeps, client: webApi.WebClient, incoming: IncomingQuestion): Promise<void> {
  // app_mention and message events both arrive for a mention in a followed thread: answer only once.
  if (!deps.store.claimEvent(`slack:message:${incoming.messageKey}`)) {
    recordDedupeHit('slack');
    return;
  }
  await postWithProgress(client, incoming.place, async () => {
    try {
      checkRateLimit(deps, incoming.userId);
      const intent = intentOf(incoming.text);
      if (intent.kind === 'summary') return await prepareSummary(deps, intent.topic);
      if (intent.kind === 'recap') {
        const recap = await channelRecap(deps.core, deps.store, { platform: 'slack', channelId: incoming.place.channel }, recapDays(intent.days));
        return renderSummary(recap, deps.core.guestName);
      }
      const history = deps.conversations.history(incoming.conversation);
      const prepared = await prepareAnswer(deps, { question: intent.question, kind: 'ask', history, userId: incoming.userId });
      deps.conversations.add(incoming.conversation, {
        question: prepared.question,
        answer: prepared.answerText,
        answerId: prepared.answerId,
      });
      return prepared.message;
    } catch (error) {
      log.error('slack: answering a message failed', { error, messageKey: incoming.messageKey, user: incoming.userId });
      return renderNotice(userMessageFor(error));
    }
  }).catch(async (postError: unknown) => {
    // Posting the answer failed (e.g. a Slack hiccup): try once to leave a short notice in its place.
    log.error('slack: could not post the reply', { error: postError, messageKey: incoming.messageKey });
    await postMessage(client, incoming.place, renderNotice(userMessageFor(postError))).catch((error: unknown) => {
      log.error('slack: could not post the error reply', { error, messageKey: incoming.messageKey });
    });
  });
}
