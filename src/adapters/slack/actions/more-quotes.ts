import type { App } from '@slack/bolt';
import { userMessageFor } from '../../../errors.ts';
import { log } from '../../../log.ts';
import { ACTION_IDS } from '../action-ids.ts';
import { checkRateLimit } from '../answers.ts';
import { QUOTES_PER_PAGE, type SlackDeps } from '../deps.ts';
import { ButtonClick } from '../payloads.ts';
import { renderAnswer, renderNotice } from '../render.ts';
import { updateClickedMessage } from './message-update.ts';

const EXPIRED = 'I no longer have that answer. Please ask the question again.';

/**
 * "More quotes": the same question asked again for one more page of quotes, and the message updated in
 * place. The answer text stays the one people already read; the question's thread context is replayed.
 */
export function registerMoreQuotes(app: App, deps: SlackDeps): void {
  app.action(ACTION_IDS.moreQuotes, async ({ ack, body, client, respond }) => {
    await ack();
    const parsed = ButtonClick.safeParse(body);
    if (!parsed.success) return;
    const click = parsed.data;
    const record = deps.store.getAnswer(click.actions[0]?.value ?? '');
    try {
      if (!record) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(EXPIRED) });
        return;
      }
      checkRateLimit(deps, click.user.id);
      const options = { history: deps.conversations.historyBefore(record.id), limit: record.shown + QUOTES_PER_PAGE + 1 };
      const answer = record.kind === 'quotes' ? await deps.core.quotes(record.question, options) : await deps.core.ask(record.question, options);
      const shown = Math.min(record.shown + QUOTES_PER_PAGE, answer.quotes.length);
      deps.store.updateShown(record.id, shown);
      const message = renderAnswer(
        { ...answer, answer: record.answer, quotes: answer.quotes.slice(0, shown) },
        { answerId: record.id, moreAvailable: answer.quotes.length > shown, showQuestion: true },
      );
      await updateClickedMessage(client, click, respond, message);
    } catch (error) {
      log.error('slack: more quotes failed', { error, answerId: record?.id, user: click.user.id });
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(userMessageFor(error)) }).catch(
        (replyError: unknown) => log.error('slack: could not send the error reply', { error: replyError }),
      );
    }
  });
}
