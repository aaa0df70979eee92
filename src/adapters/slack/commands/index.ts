import type { App, RespondFn, webApi } from '@slack/bolt';
import { userMessageFor } from '../../../errors.ts';
import { log } from '../../../log.ts';
import { checkRateLimit } from '../answers.ts';
import { platformErrorCode } from '../config.ts';
import type { SlackDeps } from '../deps.ts';
import { SlashCommand } from '../payloads.ts';
import { postMessage } from '../post.ts';
import { renderNotice, type SlackMessage } from '../render.ts';
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

/** Channel errors after which the answer goes through response_url instead (bot not in the channel, DMs). */
const CANNOT_POST_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/**
 * `/gomez …`: acknowledged at once (Slack allows 3 s), then answered. Answers are posted for the
 * channel, help and errors only to the caller.
 */
/** Shown only to the person who ran a searching command, while the answer is prepared. */
const PROGRESS_TEXT = 'Looking through the interviews…';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command('/gomez', async ({ ack, command: body, client, respond }) => {
    const parsed = SlashCommand.safeParse(body);
    if (!parsed.success) {
      await ack();
      log.warn('slack: malformed slash command', { issues: parsed.error.issues.length });
      return;
    }
    const { command, args } = route(parsed.data.text);
    // Acknowledged at once (Slack allows 3 s); commands that search say so, since a model may take a while.
    await ack(command.rateLimited ? { response_type: 'ephemeral', text: PROGRESS_TEXT } : undefined);
    const ctx = slashContext(deps, client, parsed.data, respond);
    try {
      if (command.rateLimited) checkRateLimit(deps, parsed.data.user_id);
      await command.run(ctx, args);
    } catch (error) {
      log.error('slack: slash command failed', { error, subcommand: command.name, user: parsed.data.user_id });
      await ctx.replyPrivately(renderNotice(userMessageFor(error))).catch((replyError: unknown) =>
        log.error('slack: could not send the error reply', { error: replyError }),
      );
    }
  });
}

function slashContext(deps: SlackDeps, client: webApi.WebClient, command: SlashCommand, respond: RespondFn): SlashContext {
  return {
    deps,
    client,
    command,
    async postToChannel(message: SlackMessage) {
      try {
        return await postMessage(client, { channel: command.channel_id }, message);
      } catch (error) {
        const code = platformErrorCode(error);
        if (!code || !CANNOT_POST_HERE.has(code)) throw error;
        log.info('slack: posting through response_url', { channel: command.channel_id, reason: code });
        await respond({ response_type: 'in_channel', text: message.text, blocks: message.blocks });
        return undefined;
      }
    },
    async replyPrivately(message: SlackMessage) {
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    },
  };
}
