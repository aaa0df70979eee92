import type { Bot } from '../../bot/bot.ts';
import type { GomezCore } from '../../core.ts';
import type { Store } from '../../store/store.ts';

/** What every Slack handler needs: the bot to converse, the core and the store for digests and dedupe. */
export interface SlackDeps {
  /** The platform-neutral conversation layer (src/bot): asking, paging, votes, help, limits. */
  bot: Bot;
  core: GomezCore;
  store: Store;
}
