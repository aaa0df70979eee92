import type { App } from '@slack/bolt';
import { log } from '../../../log.ts';
import type { Vote } from '../../../store/store.ts';
import { ACTION_IDS } from '../action-ids.ts';
import type { SlackDeps } from '../deps.ts';
import { ButtonClick } from '../payloads.ts';
import { renderNotice } from '../render.ts';

/** 👍 / 👎 under an answer: one vote per person per answer, a second click replaces the first. */
export function registerFeedback(app: App, deps: SlackDeps): void {
  const handle = (vote: Vote) =>
    async function onVote({ ack, body, respond }: Parameters<Parameters<App['action']>[1]>[0]): Promise<void> {
      await ack();
      const parsed = ButtonClick.safeParse(body);
      if (!parsed.success) return;
      const click = parsed.data;
      const record = deps.store.getAnswer(click.actions[0]?.value ?? '');
      const reply = async (text: string) => {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(text) });
      };
      try {
        if (!record) return await reply('I no longer have that answer, so I could not record the vote.');
        deps.store.recordFeedback({
          answerId: record.id,
          userId: click.user.id,
          platform: 'slack',
          vote,
          question: record.question,
          answer: record.answer,
        });
        await reply(vote === 1 ? 'Thanks! Your 👍 is recorded.' : 'Thanks! Your 👎 is recorded; it helps improve the answers.');
      } catch (error) {
        log.error('slack: recording feedback failed', { error, answerId: record?.id, user: click.user.id });
      }
    };
  app.action(ACTION_IDS.feedbackUp, handle(1));
  app.action(ACTION_IDS.feedbackDown, handle(-1));
}
