import { Assistant, type App } from '@slack/bolt';
import { log } from '../../log.ts';
import { conversationKey } from './answers.ts';
import type { SlackDeps } from './deps.ts';
import { answerUnderLease, claimMessage } from './leased-reply.ts';
import { messageToPlainText } from './mrkdwn.ts';
import { MessageEvent } from './payloads.ts';
import { requestWorkspace } from './workspaces.ts';

/** Slack caps an assistant thread title; a question longer than this is cut at a word. */
const TITLE_MAX = 80;
const STATUS = 'is looking through the interviews…';

function titleOf(text: string): string {
  if (text.length <= TITLE_MAX) return text;
  const cut = text.slice(0, TITLE_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), TITLE_MAX / 2))}…`;
}

/**
 * Slack's AI-app split view (Bolt's Assistant): a new assistant thread gets suggested prompts from the
 * corpus topics; a message there is a direct message to the bot, answered in the thread with a status
 * while it searches and the question as the thread's title. The bot's manners are the same as in DMs.
 */
export function registerAssistant(app: App, deps: SlackDeps): void {
  const assistant = new Assistant({
    threadStarted: async ({ setSuggestedPrompts }) => {
      const reply = deps.bot.help();
      if (reply.type !== 'help') return;
      await setSuggestedPrompts({
        title: `Ask what ${reply.help.guestName} said`,
        prompts: reply.help.examples.map((example) => ({ title: example, message: example })),
      }).catch((error: unknown) => log.warn('slack: could not set suggested prompts', { error }));
    },
    // The thread's context (which channel the user is viewing) does not change what the bot answers.
    threadContextChanged: async () => {},
    userMessage: async ({ message, client, context, setStatus, setTitle }) => {
      const parsed = MessageEvent.safeParse(message);
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.subtype || event.bot_id || !event.user || event.user === context.botUserId || !event.thread_ts) return;
      const workspace = requestWorkspace(deps.workspaces, context);
      const incoming = {
        userId: event.user,
        text: messageToPlainText(event.text, context.botUserId),
        channel: event.channel,
        threadTs: event.thread_ts,
        ts: event.ts,
        conversation: conversationKey(event.channel, event.thread_ts, workspace.key),
        delivery: 'direct' as const,
        ...workspace.ids,
        ...(workspace.key ? { workspace: workspace.key } : {}),
      };
      const lease = await claimMessage(deps, incoming);
      if (!lease) return;
      // The assistant view shows a status while searching instead of a placeholder message.
      await answerUnderLease(deps, client, lease, incoming, {
        progress: () => ({
          searching: async () => {
            await setTitle(titleOf(incoming.text)).catch((error: unknown) => log.warn('slack: could not set the thread title', { error }));
            await setStatus(STATUS).catch((error: unknown) => log.warn('slack: could not set the status', { error }));
          },
        }),
      });
    },
  });
  app.assistant(assistant);
}
