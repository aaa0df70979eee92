import type { RespondFn, webApi } from '@slack/bolt';
import type { SlackDeps } from '../deps.ts';
import type { SlashCommand } from '../payloads.ts';
import type { SlackMessage } from '../render.ts';
import type { RequestWorkspace } from '../workspaces.ts';

/** What a `/gomez` subcommand gets: the validated command and the two ways to reply. */
export interface SlashContext {
  deps: SlackDeps;
  client: webApi.WebClient;
  command: SlashCommand;
  /** The workspace it was run in (its key scopes conversations and limits when there are many). */
  workspace: RequestWorkspace;
  /** Posts for everyone in the channel; returns the message ts when the bot posted it itself. */
  postToChannel(message: SlackMessage): Promise<string | undefined>;
  /** Replies to the caller only (help, errors, confirmations). */
  replyPrivately(message: SlackMessage): Promise<void>;
  /** The command's response_url (private notices, and posts where the bot cannot post itself). */
  respond: RespondFn;
}

/** One `/gomez <name> …` subcommand, in its own file, looked up by name. */
export interface Subcommand {
  name: string;
  usage: string;
  description: string;
  /** Subcommands that ask the core count against the caller's rate limit. */
  rateLimited: boolean;
  run(ctx: SlashContext, args: string): Promise<void>;
}
