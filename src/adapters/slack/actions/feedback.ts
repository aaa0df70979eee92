import type { App } from '@slack/bolt';
import type { Vote } from '../../../bot/state.ts';
import { ACTION_IDS } from '../action-ids.ts';
import { respondIn } from '../chat-adapter.ts';
import type { SlackDeps } from '../deps.ts';
import { ButtonClick } from '../payloads.ts';
import { requestWorkspace } from '../workspaces.ts';

/** 👍 / 👎 under an answer: one vote per person per answer, a second click replaces the first. */
export function registerFeedback(app: App, deps: SlackDeps): void {
  const handle = (vote: Vote) =>
    async function onVote({ ack, body, client, context, respond }: Parameters<Parameters<App['action']>[1]>[0]): Promise<void> {
      await ack();
      const parsed = ButtonClick.safeParse(body);
      if (!parsed.success) return;
      const click = parsed.data;
      const workspace = requestWorkspace(deps.workspaces, context).key;
      const reply = await deps.bot.vote(click.actions[0]?.value ?? '', { surface: 'slack', userId: click.user.id, ...(workspace ? { workspace } : {}) }, vote);
      const channel = click.container?.channel_id ?? click.channel?.id ?? '';
      await respondIn(deps.core, { via: 'click', client, channel, userId: click.user.id, respond, click }, reply);
    };
  app.action(ACTION_IDS.feedbackUp, handle(1));
  app.action(ACTION_IDS.feedbackDown, handle(-1));
}
