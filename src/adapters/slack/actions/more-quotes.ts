import type { App } from '@slack/bolt';
import { ACTION_IDS } from '../action-ids.ts';
import { respondIn } from '../chat-adapter.ts';
import type { SlackDeps } from '../deps.ts';
import { ButtonClick } from '../payloads.ts';
import { requestWorkspace } from '../workspaces.ts';

/**
 * "More quotes": the next page of the same ranking from the bot (never a new model call), and the
 * message updated in place. The answer text stays the one people already read.
 */
export function registerMoreQuotes(app: App, deps: SlackDeps): void {
  app.action(ACTION_IDS.moreQuotes, async ({ ack, body, client, context, respond }) => {
    await ack();
    const parsed = ButtonClick.safeParse(body);
    if (!parsed.success) return;
    const click = parsed.data;
    const channel = click.container?.channel_id ?? click.channel?.id ?? '';
    const workspace = requestWorkspace(deps.workspaces, context).key;
    const reply = await deps.bot.more(click.actions[0]?.value ?? '', { surface: 'slack', userId: click.user.id, ...(workspace ? { workspace } : {}) });
    await respondIn(deps.core, { via: 'click', client, channel, userId: click.user.id, respond, click }, reply, 'edit');
  });
}
