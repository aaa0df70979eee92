import type { App, RespondFn, webApi } from '@slack/bolt';
import { userMessageFor } from '../../../errors.ts';
import { log } from '../../../log.ts';
import { checkRateLimit } from '../answers.ts';
import type { SlackDeps } from '../deps.ts';
import { slackAdapter, type SlackTarget } from '../chat-adapter.ts';
import { SlashCommand } from '../payloads.ts';
import { renderNotice, type SlackMessage } from '../render.ts';
import { requestWorkspace, type RequestWorkspace } from '../workspaces.ts';
import { askCommand } from './ask.ts';
import { digestCommand } from './digest.ts';
import { helpCommand } from './help.ts';
import { quotesCommand } from './quotes.ts';
import { recapCommand } from './recap.ts';
import { summaryCommand } from './summary.ts';
import type { SlashContext, Subcommand } from './types.ts';

/** The `/gomez` subcommands by name (a new one, e.g. `digest`, is one file plus one entry here). */
const SUBCOMMANDS = new Map<string, Subcommand>();
const help = helpCommand(() => [askCommand, ...SUBCOMMANDS.values()]);
for (const command of [quotesCommand, summaryCommand, recapCommand, digestCommand, help]) SUBCOMMANDS.set(command.name, command);

/** Splits "quotes synthetic data" into the subcommand and its arguments; other text is a question. */
export function route(text: string): { command: Subcommand; args: string } {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const named = SUBCOMMANDS.get(first.toLowerCase());
  // "help me understand…" is a question, not a request for usage.
  if (named && !(named === help && rest.length > 0)) return { command: named, args: rest.join(' ') };
  if (trimmed === '') return { command: help, args: '' };
  return { command: askCommand, args: trimmed };
}

/**
 * `/gomez …`: acknowledged at once (Slack allows 3 s), then answered. Answers are posted for the
 * channel, help and errors only to the caller.
 */
/** Shown only to the person who ran a searching command, while the answer is prepared. */
const PROGRESS_TEXT = 'Looking through the interviews…';
/** Subcommands that search the interviews (and so say so while they do). */
const SEARCHING = new Set(['ask', 'quotes', 'summary']);

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command('/gomez', async ({ ack, command: body, client, context, respond }) => {
    const parsed = SlashCommand.safeParse(body);
    if (!parsed.success) {
      await ack();
      log.warn('slack: malformed slash command', { issues: parsed.error.issues.length });
      return;
    }
    const { command, args } = route(parsed.data.text);
    // Acknowledged at once (Slack allows 3 s); commands that search say so, since a model may take a while.
    await ack(SEARCHING.has(command.name) ? { response_type: 'ephemeral', text: PROGRESS_TEXT } : undefined);
    const ctx = slashContext(deps, client, parsed.data, respond, requestWorkspace(deps.workspaces, context));
    try {
      if (command.rateLimited) await checkRateLimit(deps, parsed.data.user_id, ctx.workspace.key);
      await command.run(ctx, args);
    } catch (error) {
      log.error('slack: slash command failed', { error, subcommand: command.name, user: parsed.data.user_id });
      await ctx.replyPrivately(renderNotice(userMessageFor(error))).catch((replyError: unknown) =>
        log.error('slack: could not send the error reply', { error: replyError }),
      );
    }
  });
}

function slashContext(deps: SlackDeps, client: webApi.WebClient, command: SlashCommand, respond: RespondFn, workspace: RequestWorkspace): SlashContext {
  const target = { via: 'command' as const, client, channel: command.channel_id, userId: command.user_id, respond };
  const adapter = slackAdapter(deps.core);
  return {
    deps,
    client,
    command,
    workspace,
    respond,
    async postToChannel(message: SlackMessage) {
      const posted: SlackTarget = { ...target };
      await adapter.post(posted, message);
      return posted.postedTs;
    },
    async replyPrivately(message: SlackMessage) {
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    },
  };
}
