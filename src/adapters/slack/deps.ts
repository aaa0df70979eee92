import type { Bot } from '../../bot/bot.ts';
import type { SharedBotState } from '../../bot/shared-state.ts';
import type { GomezCore } from '../../core.ts';
import type { StateStore } from '../../store/state.ts';
import type { SlackWorkspaces } from './workspaces.ts';

/** What every Slack handler needs: the bot to converse, the core and the store for digests and deliveries. */
export interface SlackDeps {
  /** The platform-neutral conversation layer (src/bot): asking, paging, votes, help, limits. */
  bot: Bot;
  core: GomezCore;
  /** The state store (SQLite or PostgreSQL): digests. */
  store: StateStore;
  /** The bot's state over that store: leased deliveries complete through it. */
  state: SharedBotState;
  /** How long a delivery's lease lasts without being extended. */
  leaseMs: number;
  /** The workspace(s) served: one (SLACK_BOT_TOKEN) or every OAuth install, with each one's client. */
  workspaces: SlackWorkspaces;
}
